package com.mizani.app.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table against what the code binds: the configuration metadata that
 * spring-boot-configuration-processor writes for every module's {@code @ConfigurationProperties} (and the
 * hand-written metadata of the settings only a placeholder reads). A setting added without a README row, or a row
 * left behind by a setting that is gone, fails the build; so does a default written in application.yml that is not
 * the one the code has.
 */
class ReadmeConfigurationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path APPLICATION_YML = Path.of("src", "main", "resources", "application.yml");
    private static final Pattern NAME = Pattern.compile("`([a-z.][a-z0-9.<>*-]*)`");
    private static final Pattern ENV_FALLBACK = Pattern.compile("^\\s*([a-z-]+): \\$\\{([A-Z_]+):([^}$]*)}\\s*$");

    @Test
    void everySettingOfTheCodeHasARowAndEveryRowASetting() throws IOException {
        Map<String, JsonNode> bound = boundSettings();
        List<String> documented = documentedSettings();

        Set<String> undocumented = new TreeSet<>();
        for (String setting : bound.keySet()) {
            if (documented.stream().noneMatch(row -> covers(row, setting))) {
                undocumented.add(setting);
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String row : documented) {
            if (row.startsWith("mizani.") && bound.keySet().stream().noneMatch(setting -> covers(row, setting))) {
                unknown.add(row);
            }
        }
        assertThat(undocumented).as("settings missing from the README's configuration table").isEmpty();
        assertThat(unknown).as("README rows naming no setting of the code").isEmpty();
    }

    @Test
    void everyEnvironmentVariableOfApplicationYmlIsInTheTable() throws IOException {
        String table = String.join("\n", configurationTable());
        Set<String> missing = new TreeSet<>();
        for (String line : Files.readAllLines(APPLICATION_YML)) {
            Matcher fallback = ENV_FALLBACK.matcher(line);
            if (fallback.matches() && !table.contains("`" + fallback.group(2) + "`")) {
                missing.add(fallback.group(2));
            }
        }
        assertThat(missing).as("environment variables application.yml reads but the README does not name").isEmpty();
    }

    /** application.yml only maps documented environment variables; its fallbacks must be the code's defaults. */
    @Test
    void aDefaultInApplicationYmlIsTheCodesDefault() throws IOException {
        Map<String, JsonNode> bound = boundSettings();
        Map<String, String> differing = new TreeMap<>();
        List<String> path = new ArrayList<>();
        for (String line : Files.readAllLines(APPLICATION_YML)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int depth = (line.length() - line.stripLeading().length()) / 2;
            String key = line.strip().split(":", 2)[0];
            while (path.size() > depth) {
                path.removeLast();
            }
            path.add(key);
            Matcher fallback = ENV_FALLBACK.matcher(line);
            if (!fallback.matches()) {
                continue;
            }
            String setting = String.join(".", path);
            JsonNode metadata = bound.get(setting);
            if (metadata != null && metadata.has("defaultValue")
                    && !defaultOf(metadata).equals(fallback.group(3))) {
                differing.put(setting, fallback.group(3) + " in application.yml, " + defaultOf(metadata) + " in the code");
            }
        }
        assertThat(differing).as("defaults written twice, differently").isEmpty();
    }

    /** A default as application.yml writes it: a list is comma-separated. */
    private static String defaultOf(JsonNode metadata) {
        JsonNode value = metadata.get("defaultValue");
        String text = value.asText();
        if (!value.isArray()) {
            // The processor writes a list default of a record component as the list's toString.
            return text.startsWith("[") && text.endsWith("]")
                    ? text.substring(1, text.length() - 1).replace(", ", ",") : text;
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    /** A row's name covers a setting when it is the setting, or a pattern ({@code <role>}, {@code *}) that matches it. */
    private static boolean covers(String row, String setting) {
        if (row.equals(setting)) {
            return true;
        }
        int wildcard = indexOfWildcard(row);
        if (wildcard < 0) {
            return false;
        }
        String prefix = row.substring(0, wildcard);
        // A map setting (mizani.rate-limits.roles) is covered by the rows of its entries.
        return setting.startsWith(prefix) || (prefix.startsWith(setting + "."));
    }

    private static int indexOfWildcard(String name) {
        int angle = name.indexOf('<');
        int star = name.indexOf('*');
        return angle < 0 ? star : star < 0 ? angle : Math.min(angle, star);
    }

    /** Every {@code mizani.*} setting in the metadata of the classpath, with its metadata. */
    private static Map<String, JsonNode> boundSettings() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> settings = new TreeMap<>();
        for (String file : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(ReadmeConfigurationTest.class.getClassLoader().getResources(file))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.get("name").asText();
                        if (name.startsWith("mizani.")) {
                            settings.merge(name, property, (first, second) -> first.has("defaultValue") ? first : second);
                        }
                    }
                }
            }
        }
        assertThat(settings).as("configuration metadata on the classpath").isNotEmpty();
        return settings;
    }

    /**
     * The names in the first column of the table. A name starting with a dot replaces as many trailing parts of
     * the previous name as it has ({@code mizani.provider.consumer-key}, {@code .consumer-secret}).
     */
    private static List<String> documentedSettings() throws IOException {
        List<String> names = new ArrayList<>();
        for (String row : configurationTable()) {
            String firstColumn = row.split("\\|")[1];
            String previous = null;
            Matcher name = NAME.matcher(firstColumn);
            while (name.find()) {
                String found = name.group(1);
                if (found.startsWith(".") && previous != null) {
                    String[] parts = previous.split("\\.");
                    int replaced = found.split("\\.").length - 1;
                    found = String.join(".", List.of(parts).subList(0, parts.length - replaced)) + found;
                }
                if (found.contains(".")) {
                    names.add(found);
                    previous = found;
                }
            }
        }
        return names;
    }

    private static List<String> configurationTable() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
            } else if (inSection && line.startsWith("| `")) {
                rows.add(line);
            }
        }
        assertThat(rows).as("rows of the README's configuration table").isNotEmpty();
        return rows;
    }
}
