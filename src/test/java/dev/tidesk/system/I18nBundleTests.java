package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both bundles have the same keys, and every fixed key a template uses exists. */
class I18nBundleTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*[\\w])[}(]");

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Set<String> ru = load("messages_ru.properties").stringPropertyNames();
        assertThat(new TreeSet<>(ru))
                .as("keys missing from the Russian bundle or extra there")
                .containsExactlyElementsOf(new TreeSet<>(en));
    }

    @Test
    void russianTextIsRussian() throws IOException {
        Properties ru = load("messages_ru.properties");
        assertThat(ru.getProperty("portal.new.title")).isEqualTo("Новое обращение");
        long cyrillic = ru.stringPropertyNames().stream()
                .map(ru::getProperty)
                .filter(v ->
                        v.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC))
                .count();
        assertThat(cyrillic).isGreaterThan(ru.size() * 8L / 10);
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundleTests.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
