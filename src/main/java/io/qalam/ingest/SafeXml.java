package io.qalam.ingest;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * The one way this module reads XML from outside (exports, feeds): no DTD, no external
 * entity, no entity expansion, so neither XXE nor a billion laughs can get in.
 */
final class SafeXml {

	private SafeXml() {
	}

	static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

}
