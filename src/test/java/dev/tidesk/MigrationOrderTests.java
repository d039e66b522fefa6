package dev.tidesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Migrations form one global sequence, so an upgraded database and a fresh one apply them in the
 * same order. Versions up to {@link #LAST_RANGED} were numbered in per-module ranges and stay as
 * applied; every later one takes the next number, and out-of-order application stays off.
 */
class MigrationOrderTests {

    static final int LAST_RANGED = 422;

    static final Pattern NAME = Pattern.compile("V(\\d+)__([a-z]+)_[a-z0-9_]+\\.sql");

    @Test
    void migrationsAfterTheRangedOnesAreOneGaplessSequence() throws IOException {
        List<Integer> later = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            Matcher name = NAME.matcher(file.getFilename());
            assertThat(name.matches())
                    .as("V<number>__<module>_<what>.sql: %s", file.getFilename())
                    .isTrue();
            int version = Integer.parseInt(name.group(1));
            assertThat(all).as("version %d used twice", version).doesNotContain(version);
            all.add(version);
            if (version > LAST_RANGED) {
                later.add(version);
            }
        }
        assertThat(all).contains(LAST_RANGED);
        later.sort(null);
        for (int i = 0; i < later.size(); i++) {
            assertThat(later.get(i))
                    .as("the next migration after V%d", i == 0 ? LAST_RANGED : later.get(i - 1))
                    .isEqualTo(LAST_RANGED + 1 + i);
        }
    }

    @Test
    void outOfOrderMigrationIsOff() throws IOException {
        Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        assertThat(properties.getProperty("spring.flyway.out-of-order", "false"))
                .isEqualTo("false");
    }
}
