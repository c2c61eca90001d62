package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.report.Capacity;
import com.wedsync.grid.loadtest.report.RepeatedComparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code summarize}: repeated comparisons at several rates ({@code compare --repeat})
 * into one summary: their tables, and the highest rate each target holds within a p99
 * limit ({@code summary.json}, {@code summary.md}).
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Summarizes the compare.json of repeated comparisons at several rates: their tables and the "
                + "highest rate each target holds with its median p99 within a limit.")
final class SummarizeCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    @Parameters(arity = "1..*", description = "folders of compare --repeat runs, each with its compare.json")
    List<Path> folders;

    @Option(names = "--p99-limit-us", defaultValue = "10000",
            description = "the p99 a target must stay within to hold a rate (default: ${DEFAULT-VALUE})")
    double p99LimitMicros;

    @Option(names = "--peer", defaultValue = "redis",
            description = "the target capacities are compared with (default: ${DEFAULT-VALUE})")
    String peer;

    @Option(names = "--about", description = "a text file whose lines head summary.md (date, machine, command)")
    Path about;

    @Option(names = "--out", required = true, description = "the folder for summary.json and summary.md")
    Path out;

    @Override
    public Integer call() {
        if (this.p99LimitMicros <= 0) {
            throw new IllegalArgumentException("--p99-limit-us (" + this.p99LimitMicros + ") must be positive");
        }
        List<RepeatedComparison> comparisons = new ArrayList<>();
        List<Object> contents = new ArrayList<>();
        StringBuilder tables = new StringBuilder();
        for (Path folder : this.folders) {
            Path file = folder.resolve("compare.json");
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(
                        "'" + folder + "' has no compare.json (run compare --repeat N with --out there)");
            }
            RepeatedComparison comparison = JSON.readValue(file.toFile(), RepeatedComparison.class);
            Map<?, ?> content = JSON.readValue(file.toFile(), Map.class);
            List<String> header = new ArrayList<>();
            if (content.get("about") instanceof List<?> lines) {
                lines.forEach((line) -> header.add(String.valueOf(line)));
            }
            comparisons.add(comparison);
            contents.add(content);
            tables.append(String.format("%n### %,.0f ops/s%n%n", comparison.requestedRate()))
                .append(comparison.markdown(header));
        }
        Capacity capacity = Capacity.of(comparisons, this.p99LimitMicros);
        Map<String, Object> summary = new LinkedHashMap<>();
        List<String> aboutLines = aboutLines();
        summary.put("about", aboutLines);
        summary.put("capacity", capacity);
        summary.put("comparisons", contents);
        try {
            Files.createDirectories(this.out);
            JSON.writerWithDefaultPrettyPrinter().writeValue(this.out.resolve("summary.json").toFile(), summary);
            StringBuilder md = new StringBuilder();
            aboutLines.forEach((line) -> md.append(line).append("  \n"));
            md.append("\n### Highest rate held\n\n").append(capacity.markdown(this.peer)).append(tables);
            Files.writeString(this.out.resolve("summary.md"), md.toString());
            System.out.print(md);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the summary in " + this.out, ex);
        }
        return 0;
    }

    private List<String> aboutLines() {
        if (this.about == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(this.about);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("--about '" + this.about + "' cannot be read: " + ex.getMessage(), ex);
        }
    }

}
