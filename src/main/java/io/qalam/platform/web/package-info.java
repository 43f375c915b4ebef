/**
 * The page chrome shared by every module that renders pages: the public layout's model,
 * message lookup, date formatting, static asset addresses and the widget-slot interface.
 */
@NamedInterface("web")
package io.qalam.platform.web;

import org.springframework.modulith.NamedInterface;
