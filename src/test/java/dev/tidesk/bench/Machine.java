package dev.tidesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark ran on: cores, memory and CPU model, read from /proc where it exists. */
final class Machine {

    private Machine() {}

    static String describe() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep what we know
        }
        return String.format(
                "%d cores (nproc), %.0f GiB RAM, %s, Java %s",
                cores, memKb / 1024.0 / 1024.0, cpu, System.getProperty("java.version"));
    }
}
