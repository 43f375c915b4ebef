package io.qalam.platform.web;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The section navigation of the public pages. Provided at run time by the module that
 * owns the sections' pages, so that every module's public pages show the same navigation.
 */
@NamedInterface("provided")
public interface SiteNavigation {

	/** The sections of an edition in navigation order, named in its language. */
	List<Section> sections(String editionCode);

	/** One navigation entry. */
	record Section(String slug, String name, String path) {
	}

}
