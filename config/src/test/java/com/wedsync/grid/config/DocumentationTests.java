package com.wedsync.grid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages of {@code docs/} render as written: every table whole (a
 * separator row, the same number of cells in each row, no blank line splitting it), every
 * relative link to a file and heading that exist, and the README a front door (under 250
 * lines).
 */
class DocumentationTests {

    private static final Path ROOT = Path.of("..");

    private static final Pattern SEPARATOR = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|)+");

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeIsAFrontDoorNotALabNotebook() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThan(250);
    }

    @Test
    void everyTableIsWhole() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = prose(Files.readAllLines(page));
            for (int i = 0; i < lines.size(); i++) {
                if (!isRow(lines.get(i)) || (i > 0 && isRow(lines.get(i - 1)))) {
                    continue;
                }
                String where = ROOT.relativize(page) + ":" + (i + 1);
                if (i > 1 && lines.get(i - 1).isBlank() && isRow(lines.get(i - 2))) {
                    problems.add(where + " continues the table above after a blank line");
                    continue;
                }
                if (i + 1 >= lines.size() || !SEPARATOR.matcher(lines.get(i + 1).strip()).matches()) {
                    problems.add(where + " starts a table without a separator row");
                    continue;
                }
                int cells = cells(lines.get(i));
                for (int j = i; j < lines.size() && isRow(lines.get(j)); j++) {
                    if (cells(lines.get(j)) != cells) {
                        problems.add(ROOT.relativize(page) + ":" + (j + 1) + " has " + cells(lines.get(j))
                                + " cells, its header " + cells);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRelativeLinkReachesAFileAndHeadingThatExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            Matcher matcher = LINK.matcher(String.join("\n", prose(Files.readAllLines(page))));
            while (matcher.find()) {
                String target = matcher.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                Path file = (hash == 0) ? page : page.resolveSibling((hash < 0) ? target : target.substring(0, hash));
                if (!Files.exists(file)) {
                    problems.add(ROOT.relativize(page) + " links to " + target + ": no such file");
                }
                else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
                    problems.add(ROOT.relativize(page) + " links to " + target + ": no such heading");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(1);
        return pages;
    }

    /** The lines outside fenced code blocks, blank inside them so line numbers hold. */
    private static List<String> prose(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean code = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                code = !code;
                prose.add("");
            }
            else {
                prose.add(code ? "" : line);
            }
        }
        return prose;
    }

    private static boolean isRow(String line) {
        return line.strip().startsWith("|");
    }

    private static int cells(String row) {
        String text = row.strip().replace("\\|", "").replaceAll("`[^`]*`", "code");
        return text.substring(1, text.endsWith("|") ? text.length() - 1 : text.length()).split("\\|", -1).length;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static List<String> anchors(Path page) throws IOException {
        return prose(Files.readAllLines(page)).stream()
            .filter((line) -> line.startsWith("#"))
            .map((line) -> line.replaceFirst("^#+\\s*", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-'))
            .toList();
    }

}
