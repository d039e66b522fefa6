package dev.tidesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A module's SQL reads the tables of its own module, and of another module only the views that
 * module publishes (issue 15: report and routing read the others' tables no more). Who owns a table
 * or a view is read from the migrations: the module in the name of the migration that created it
 * ({@code V451__ticket_read_views.sql} creates the ticket module's views). A published view is named
 * {@code <owning module>_<what>_v} and documented in the owning module's {@code package-info.java}.
 *
 * <p>The SQL is every string literal and text block of a module's sources that reads like SQL; a
 * word in it (outside quotes, bind parameters and the column part of {@code alias.column}) that
 * names another module's table is a violation, wherever it stands (after {@code from}, {@code join},
 * a comma...).
 */
class CrossModuleSqlTests {

    static final Path SOURCES = Path.of("src/main/java/dev/tidesk");

    /**
     * Modules whose SQL is not checked: the generator writes every table to make benchmark data, and
     * the backup copies every table out and in.
     */
    static final Set<String> EXEMPT = Set.of("generator", "operations");

    /**
     * Other modules' tables a module still reads, to be moved to views: the list may only shrink (a
     * crossing not listed fails, and so does a listed one that is gone). None is left.
     */
    static final Map<String, Set<String>> NOT_YET_VIEWS = Map.of();

    static final Pattern MIGRATION = Pattern.compile("V(\\d+)__([a-z]+)_[a-z0-9_]+\\.sql");
    static final Pattern DDL = Pattern.compile(
            "(?i)\\b(create|drop)\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?([a-z_][a-z0-9_]*)");

    /**
     * A statement, or a fragment that starts with a clause (the rest of a statement put together
     * from pieces); English text such as a log message is neither.
     */
    static final Pattern SQL_LIKE = Pattern.compile("(?is)\\bselect\\b.*\\bfrom\\b|\\binsert\\s+into\\b"
            + "|\\bupdate\\s+[a-z_][a-z0-9_]*\\s+set\\b|\\bdelete\\s+from\\b"
            + "|^\\s*(from|join|left|right|inner|full|cross|where|and|or|on|order|group|having|with|union)\\s");

    static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A table or view, the module whose migration created it, and whether it is a view. */
    record Relation(String name, String module, boolean view) {}

    /** Another module's table named in the SQL of a file. */
    record Violation(Path file, String table, String owner, String sql) {
        @Override
        public String toString() {
            return file + ": " + table + " (module " + owner + ") in: " + sql;
        }
    }

    @Test
    void modulesReadOtherModulesOnlyThroughTheirViews() throws IOException {
        Map<String, Relation> relations = relations();
        assertThat(relations)
                .as("the migrations name the ticket module's table")
                .containsKey("ticket");
        List<String> modules;
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            modules = dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(m -> !EXEMPT.contains(m))
                    .sorted()
                    .toList();
        }
        assertThat(modules).contains("report", "routing", "workspace", "portal", "mail", "contract");
        List<String> found = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (String module : modules) {
            Set<String> stillAllowed = NOT_YET_VIEWS.getOrDefault(module, Set.of());
            Set<String> seen = new TreeSet<>();
            for (Violation v : violations(module, relations)) {
                seen.add(v.table());
                if (!stillAllowed.contains(v.table())) {
                    found.add(v.toString());
                }
            }
            stillAllowed.stream()
                    .filter(t -> !seen.contains(t))
                    .forEach(t -> moved.add(module + " reads " + t + " no more: take it off NOT_YET_VIEWS"));
        }
        assertThat(found)
                .as("SQL naming another module's table instead of its published view (%s_..._v)", "<module>")
                .isEmpty();
        assertThat(moved).isEmpty();
    }

    @Test
    void everyViewIsNamedForItsModuleAndDocumentedThere() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Relation r : relations().values()) {
            if (!r.view()) {
                continue;
            }
            if (!r.name().startsWith(r.module() + "_") || !r.name().endsWith("_v")) {
                wrong.add(r.name() + " (module " + r.module() + "): not named " + r.module() + "_<what>_v");
            }
            Path info = SOURCES.resolve(r.module()).resolve("package-info.java");
            if (!Files.exists(info) || !Files.readString(info).contains("{@code " + r.name() + "}")) {
                wrong.add(r.name() + ": not documented in " + info);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The check itself: it finds a table after from, join or a comma, and lets views and own tables by. */
    @Test
    void theCheckFindsAnotherModulesTableWhereverTheSqlNamesIt() throws IOException {
        Map<String, Relation> relations = relations();
        assertThat(tablesOfOthers("select count(*) from ticket where status = 'NEW'", "report", relations))
                .containsExactly("ticket");
        assertThat(tablesOfOthers(
                        "select 1 from routing_request r join ticket t on t.id = r.ticket_id", "routing", relations))
                .containsExactly("ticket");
        assertThat(tablesOfOthers(
                        "select s.full_name from work_entry e, staff s where s.id = e.staff_id", "report", relations))
                .containsExactly("work_entry", "staff");
        assertThat(tablesOfOthers(" join ticket t on t.id = r.ticket_id", "routing", relations))
                .containsExactly("ticket");
        assertThat(tablesOfOthers("SELECT count(*) FROM Ticket", "report", relations))
                .containsExactly("ticket");
        // views of other modules, own tables, quoted text, parameters and columns are no reading of a table
        assertThat(tablesOfOthers(
                        "select t.ticket_id, 'ticket' from routing_request r join ticket_request_v t on t.id = r.ticket_id"
                                + " where t.site_id = :site and r.organization_id = ? -- from staff",
                        "routing",
                        relations))
                .isEmpty();
        // English text and message keys are no SQL, though they say "from" and a table's name
        assertThat(tablesOfOthers("Mail from staff member {} without a proof", "mail", relations))
                .isEmpty();
        assertThat(tablesOfOthers("contract.change.from", "workspace", relations))
                .isEmpty();
        assertThat(javaStrings("""
                        String a = "select 1 from ticket"; // "from site"
                        String b = \"""
                            select 2 from staff
                            \""";
                        char c = '"';
                        /* "from organization" */
                        """)).containsExactly("select 1 from ticket", "    select 2 from staff\n    ");
    }

    /** Tables and views by name, with the module of the migration that created them (dropped ones left out). */
    static Map<String, Relation> relations() throws IOException {
        List<Resource> files = new ArrayList<>(
                List.of(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")));
        files.sort(Comparator.comparingInt(f -> version(f.getFilename())));
        Map<String, Relation> relations = new TreeMap<>();
        for (Resource file : files) {
            Matcher name = MIGRATION.matcher(file.getFilename());
            assertThat(name.matches()).as(file.getFilename()).isTrue();
            String module = name.group(2);
            String sql = withoutComments(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Matcher ddl = DDL.matcher(sql);
            while (ddl.find()) {
                String relation = ddl.group(3).toLowerCase();
                if (ddl.group(1).equalsIgnoreCase("create")) {
                    relations.put(
                            relation,
                            new Relation(relation, module, ddl.group(2).equalsIgnoreCase("view")));
                } else {
                    relations.remove(relation);
                }
            }
        }
        return relations;
    }

    private static int version(String filename) {
        Matcher name = MIGRATION.matcher(filename);
        return name.matches() ? Integer.parseInt(name.group(1)) : Integer.MAX_VALUE;
    }

    /** Each file of the module and the other modules' tables its SQL names. */
    static List<Violation> violations(String module, Map<String, Relation> relations) throws IOException {
        List<Violation> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String literal : javaStrings(Files.readString(file))) {
                    for (String table : tablesOfOthers(literal, module, relations)) {
                        found.add(new Violation(
                                SOURCES.relativize(file),
                                table,
                                relations.get(table).module(),
                                literal.strip().replaceAll("\\s+", " ")));
                    }
                }
            }
        }
        return found;
    }

    /** The tables of other modules that this piece of SQL names. */
    static Set<String> tablesOfOthers(String literal, String module, Map<String, Relation> relations) {
        Set<String> found = new LinkedHashSet<>();
        String sql = withoutComments(literal);
        if (!SQL_LIKE.matcher(sql).find()) {
            return found;
        }
        sql = sql.replaceAll("'(?:[^']|'')*'", " ") // quoted text
                .replaceAll(":[A-Za-z_][A-Za-z0-9_]*", " ") // named parameters
                .replaceAll("\\.\\s*[A-Za-z_][A-Za-z0-9_]*", " "); // the column of alias.column
        Matcher word = WORD.matcher(sql);
        while (word.find()) {
            Relation r = relations.get(word.group().toLowerCase());
            if (r != null && !r.view() && !r.module().equals(module)) {
                found.add(r.name());
            }
        }
        return found;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ");
    }

    /**
     * The string literals and text blocks of a Java source, each as written between its quotes
     * (escapes are left as they are; comments and character literals are skipped).
     */
    static List<String> javaStrings(String source) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i) + 1;
                int end = start;
                while (true) {
                    end = source.indexOf("\"\"\"", end);
                    if (end < 0 || source.charAt(end - 1) != '\\') {
                        break;
                    }
                    end += 3;
                }
                end = end < 0 ? n : end;
                strings.add(source.substring(start, end));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    strings.add(source.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return strings;
    }
}
