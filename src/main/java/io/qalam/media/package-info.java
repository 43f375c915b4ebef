/**
 * Images: checked uploads, the stored original and its width variants, metadata (caption,
 * credit), and the immutable addresses {@code /media/{id}/{width}.{ext}} they are served
 * at.
 */
@ApplicationModule(allowedDependencies = { "platform" })
package io.qalam.media;

import org.springframework.modulith.ApplicationModule;
