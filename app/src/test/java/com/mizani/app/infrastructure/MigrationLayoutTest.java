package com.mizani.app.infrastructure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's migrations lie in a folder that spring.flyway.locations lists (docs/architecture.md, Storage): a
 * migration left anywhere else under db/migration would never run, and nothing at start-up would say so. Their
 * versions are one sequence across the folders, each taken once.
 */
class MigrationLayoutTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void everyMigrationIsInAConfiguredLocationAndEachVersionIsTakenOnce() throws IOException {
        List<String> locations = configuredLocations();
        Map<Long, String> versions = new HashMap<>();
        List<String> outside = new ArrayList<>();
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql");
        for (Resource migration : migrations) {
            String url = migration.getURL().toString();
            if (locations.stream().noneMatch(location -> url.contains("/" + location + "/" + migration.getFilename()))) {
                outside.add(url);
            }
            Matcher versioned = VERSIONED.matcher(migration.getFilename());
            assertThat(versioned.matches()).as("a versioned migration name: %s", url).isTrue();
            String earlier = versions.put(Long.parseLong(versioned.group(1)), url);
            assertThat(earlier).as("version of %s is also taken by", url).isNull();
        }
        assertThat(migrations).as("the migrations of axon-config, query-side and app").hasSizeGreaterThanOrEqualTo(12);
        assertThat(outside).as("migrations outside spring.flyway.locations %s", locations).isEmpty();
    }

    private static List<String> configuredLocations() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String locations = yaml.getObject().getProperty("spring.flyway.locations");
        return Arrays.stream(locations.split(",")).map(String::strip).map(location -> location.replace("classpath:", ""))
                .toList();
    }
}
