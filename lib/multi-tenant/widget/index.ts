// The widget feature's public surface: allowed origins, the widget token, and the frame's session and questions.
export { addWidgetOrigin, listWidgetOrigins, removeWidgetOrigin } from './origins'
export { embeddingOrigins } from './embedding-origins'
export { EMBED_PAGE_PATH, embedPageSlug, WIDGET_SCRIPT_PATH } from './paths'
export { issueWidgetToken, WIDGET_TOKEN_SECONDS, type TokenAsk } from './issue'
export { resolveWidgetCaller, type WidgetCaller } from './caller'
export { askInWidget, widgetSession } from './ask'
export { readWidgetToken, signWidgetToken, type WidgetClaims } from './token'
