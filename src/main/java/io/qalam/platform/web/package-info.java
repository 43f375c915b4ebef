/**
 * The page chrome shared by every module that renders pages: the public layout's model,
 * message lookup, date formatting, static asset addresses, slot markers and the template
 * view. {@link io.qalam.platform.web.SiteNavigation} and
 * {@link io.qalam.platform.web.WidgetSlots} form the named interface
 * {@code platform :: provided}: implemented at run time by other modules.
 */
@NamedInterface("web")
package io.qalam.platform.web;

import org.springframework.modulith.NamedInterface;
