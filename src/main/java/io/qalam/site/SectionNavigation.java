package io.qalam.site;

import java.util.List;

import io.qalam.content.Sections;
import io.qalam.platform.web.SiteNavigation;

import org.springframework.stereotype.Component;

/** The public pages' navigation: the edition's sections, with their pages' addresses. */
@Component
class SectionNavigation implements SiteNavigation {

	private final Sections sections;

	SectionNavigation(Sections sections) {
		this.sections = sections;
	}

	@Override
	public List<Section> sections(String editionCode) {
		return this.sections.all(editionCode)
			.stream()
			.map((s) -> new Section(s.slug(), s.name(), s.path(editionCode)))
			.toList();
	}

}
