#!/usr/bin/env node
/*
 * `next build`, after removing a `.next` that other dependencies made (see
 * build-freshness.mjs), then a record of what this build was made with.
 */
import { spawnSync } from 'node:child_process'
import { recordBuild, removeStaleBuild } from './build-freshness.mjs'

const root = process.cwd()
if (removeStaleBuild(root)) console.log('[build] removed a .next made with other dependencies')
const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' })
if (result.status !== 0) process.exit(result.status ?? 1)
recordBuild(root)
