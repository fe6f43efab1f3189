/**
 * The app's own web UI: one layout for every page, the start page per role, and what every page
 * needs to know about its user. Feature pages (rule tables, accounts, dashboard) live in their
 * modules and render with {@code templates/layout.html}.
 */
package io.recollect.web;
