package dev.tidesk.report;

import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Names, once, the XML factories the JDK's lookup finds, so that later lookups take the name instead
 * of searching the class path again. POI asks {@code TransformerFactory.newInstance()} for every part
 * of every XLSX file it writes; without a system property the JDK then lists the service files of
 * every jar in the application, which in the packaged application was 45 % of an export's CPU.
 * A factory an operator names with {@code -Djavax.xml...} is left as it is.
 */
final class XmlFactories {

    private XmlFactories() {}

    static void pin() {
        pin(TransformerFactory.class, TransformerFactory::newInstance);
        pin(DocumentBuilderFactory.class, DocumentBuilderFactory::newInstance);
        pin(SAXParserFactory.class, SAXParserFactory::newInstance);
        pin(XMLInputFactory.class, XMLInputFactory::newFactory);
        pin(XMLOutputFactory.class, XMLOutputFactory::newFactory);
        pin(XMLEventFactory.class, XMLEventFactory::newFactory);
    }

    /** The factory the lookup finds now (a provider on the class path, or the JDK's own) by name. */
    static void pin(Class<?> factory, Supplier<?> lookup) {
        if (System.getProperty(factory.getName()) == null) {
            System.setProperty(factory.getName(), lookup.get().getClass().getName());
        }
    }
}
