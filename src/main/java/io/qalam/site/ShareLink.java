package io.qalam.site;

/**
 * One link of the share bar.
 *
 * @param network the network's key, e.g. {@code telegram}; also its CSS class
 * @param label the network's name as shown
 * @param href the network's share address, escaped by the template like any output
 */
public record ShareLink(String network, String label, String href) {
}
