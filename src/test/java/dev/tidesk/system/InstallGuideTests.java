package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every property that {@code docs/install.md} tells an admin to set (each line of its
 * {@code properties} blocks) is one the application binds: Spring Boot's own, as listed in the
 * configuration metadata of the jars on the class path, or Tidesk's, read by a
 * {@code @ConfigurationProperties} record or a {@code @Value} placeholder. A misspelt or removed
 * property in the guide fails here instead of being silently ignored on someone's server.
 */
class InstallGuideTests {

    static final Path GUIDE = Path.of("docs/install.md");

    static final Pattern BLOCK = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");

    @Test
    void everyDocumentedPropertyIsBound() throws Exception {
        List<String> documented = documentedProperties();
        assertThat(documented).as("properties in docs/install.md").hasSizeGreaterThan(20);
        Known known = new Known();
        bootMetadata(known);
        tideskProperties(known);
        List<String> unknown = documented.stream().filter(p -> !known.binds(p)).toList();
        assertThat(unknown)
                .as("properties in docs/install.md that nothing binds")
                .isEmpty();
    }

    @Test
    void aMisspeltPropertyWouldBeCaught() throws Exception {
        Known known = new Known();
        bootMetadata(known);
        tideskProperties(known);
        assertThat(known.binds("server.forward-headers-strategy")).isTrue();
        assertThat(known.binds("spring.mail.properties.mail.smtp.starttls.enable"))
                .isTrue();
        assertThat(known.binds("tidesk.mail.inbound.mailboxes[3].processed-folder"))
                .isTrue();
        assertThat(known.binds("tidesk.routing.auto-close-days")).isTrue();
        assertThat(known.binds("server.forward-header-strategy")).isFalse();
        assertThat(known.binds("tidesk.mail.inbound.mailboxes[0].processed-folders"))
                .isFalse();
        assertThat(known.binds("tidesk.timezone")).isFalse();
    }

    /** The keys of every {@code properties} block of the guide, with list indexes as {@code [0]}. */
    static List<String> documentedProperties() throws IOException {
        List<String> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(GUIDE));
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                keys.add(trimmed.substring(0, trimmed.indexOf('=')).strip());
            }
        }
        return keys;
    }

    /** Property names, and prefixes under which any key is bound (maps such as {@code logging.level}). */
    static class Known {
        final Set<String> names = new TreeSet<>();
        final Set<String> prefixes = new TreeSet<>();

        boolean binds(String property) {
            String name = property.replaceAll("\\[\\d+]", "[0]");
            return names.contains(name) || prefixes.stream().anyMatch(p -> name.startsWith(p + "."));
        }
    }

    static void bootMetadata(Known known) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = file.getInputStream()) {
                JsonNode metadata = json.readTree(in);
                for (JsonNode property : metadata.path("properties")) {
                    String name = property.path("name").asString();
                    known.names.add(name);
                    if (property.path("type").asString("").startsWith("java.util.Map<")) {
                        known.prefixes.add(name);
                    }
                }
            }
        }
    }

    static void tideskProperties(Known known) throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.tidesk")) {
            if (candidate instanceof ScannedGenericBeanDefinition scanned
                    && scanned.getResource().getURL().toString().contains("/test-classes/")) {
                continue; // the application's classes only
            }
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties settings = type.getAnnotation(ConfigurationProperties.class);
            if (settings != null && type.isRecord()) {
                recordProperties(settings.value(), type, known);
            }
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                elements.addAll(List.of(constructor.getParameters()));
            }
            for (Method method : type.getDeclaredMethods()) {
                elements.add(method);
                elements.addAll(List.of(method.getParameters()));
            }
            for (AnnotatedElement element : elements) {
                Value value = element.getAnnotation(Value.class);
                if (value != null) {
                    Matcher placeholder = PLACEHOLDER.matcher(value.value());
                    while (placeholder.find()) {
                        known.names.add(placeholder.group(1));
                    }
                }
            }
        }
    }

    /** A record's components as kebab-case keys; nested records and lists of records recursively. */
    static void recordProperties(String prefix, Class<?> record, Known known) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> type = component.getType();
            Type generic = component.getGenericType();
            if (type.isRecord() && type.getName().startsWith("dev.tidesk")) {
                recordProperties(name, type, known);
            } else if (List.class.isAssignableFrom(type)
                    && generic instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element
                    && element.isRecord()) {
                recordProperties(name + "[0]", element, known);
            } else if (java.util.Map.class.isAssignableFrom(type)) {
                known.prefixes.add(name);
            } else {
                known.names.add(name);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
