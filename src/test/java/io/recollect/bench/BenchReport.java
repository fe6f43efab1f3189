package io.recollect.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Prints a benchmark's figures as one aligned table and writes them as JSON. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(String title, Map<String, Object> figures, String jsonFile) {
        int width = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder table = new StringBuilder("\n" + title + "\n" + "-".repeat(width + 20) + "\n");
        figures.forEach((name, value) -> table.append(String.format("%-" + width + "s  %15s%n", name, value)));
        System.out.println(table);
        try {
            Path path = Path.of(jsonFile);
            Files.createDirectories(path.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
