import type { MetadataRoute } from 'next'

/** Lets a phone add the platform to its home screen with the platform's own icon. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Elemental Oracle',
    short_name: 'Oracle',
    start_url: '/',
    display: 'standalone',
    background_color: '#fafaf9',
    theme_color: '#1c1917',
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
  }
}
