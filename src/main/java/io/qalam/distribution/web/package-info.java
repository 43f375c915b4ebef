/**
 * The newsroom's distribution page: Telegram settings and posts, webhooks and their
 * deliveries.
 */
package io.qalam.distribution.web;
