/**
 * The search page of each edition, and the newsroom's index page for admins.
 */
package io.qalam.search.web;
