package dev.tidesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XmlFactoriesTests {

    private static final String KEY = TransformerFactory.class.getName();
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(KEY);
        System.clearProperty(KEY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KEY);
        } else {
            System.setProperty(KEY, before);
        }
    }

    @Test
    void namesTheFactoryTheLookupFound() throws Exception {
        String found = TransformerFactory.newInstance().getClass().getName();

        XmlFactories.pin(TransformerFactory.class, TransformerFactory::newInstance);

        assertThat(System.getProperty(KEY)).isEqualTo(found);
        // the next lookup takes the name: a factory of the same class, and usable
        TransformerFactory next = TransformerFactory.newInstance();
        assertThat(next.getClass().getName()).isEqualTo(found);
        assertThat(next.newTransformer()).isNotNull();
    }

    @Test
    void leavesAFactoryTheOperatorNamed() {
        System.setProperty(KEY, "org.example.OperatorsTransformerFactory");

        XmlFactories.pin(TransformerFactory.class, TransformerFactory::newInstance);

        assertThat(System.getProperty(KEY)).isEqualTo("org.example.OperatorsTransformerFactory");
    }

    @Test
    void everyFactoryPoiUsesIsNamedOnce() {
        XmlFactories.pin();

        assertThat(System.getProperty(KEY)).isNotBlank();
        assertThat(System.getProperty(javax.xml.parsers.DocumentBuilderFactory.class.getName()))
                .isNotBlank();
        assertThat(System.getProperty(javax.xml.stream.XMLOutputFactory.class.getName()))
                .isNotBlank();
    }
}
