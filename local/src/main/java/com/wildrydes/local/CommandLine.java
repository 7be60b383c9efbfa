package com.wildrydes.local;

import com.wildrydes.local.template.CloudAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the local command was asked to run: {@code <stack>... [cloud assembly]}, where a stack is a
 * stack name of the assembly or {@code all} (every stack), and the last argument is the cloud
 * assembly when it is a folder (default {@code cdk.out} of the repository).
 */
record CommandLine(List<String> stacks, Path cdkOut) {

    static final String USAGE = "usage: Main <stack name, e.g. wild-rydes-async-msg-1, or several, or all>"
            + " [cloud assembly, default cdk.out]";

    private static final String PORT = "wildrydes.local.port";

    /**
     * The endpoint's port: system property {@code wildrydes.local.port}, default 4566, 0 for any
     * free port.
     */
    static int port() {
        String given =
                System.getProperty(PORT, Integer.toString(com.wildrydes.local.endpoint.LocalEndpoint.DEFAULT_PORT));
        try {
            int port = Integer.parseInt(given.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException(
                PORT + " must be a port number from 1 to 65535 (0 for any free port), got '" + given + "'");
    }

    /** @throws IllegalArgumentException naming what cannot be used */
    static CommandLine parse(String[] args, Path root) {
        List<String> given = new ArrayList<>(List.of(args));
        if (given.isEmpty() || given.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(USAGE);
        }
        Path cdkOut = root.resolve("cdk.out");
        String last = given.get(given.size() - 1);
        if (given.size() > 1 && (last.contains("/") || last.endsWith(".out") || Files.isDirectory(Path.of(last)))) {
            cdkOut = Path.of(last);
            given.remove(given.size() - 1);
        }
        LinkedHashSet<String> stacks = new LinkedHashSet<>();
        for (String stack : given) {
            if (stack.equals("all")) {
                stacks.addAll(CloudAssembly.stackNames(cdkOut));
            } else {
                stacks.add(stack);
            }
        }
        for (String stack : stacks) {
            // Read once here so a wrong name or assembly stops the command before any engine starts.
            CloudAssembly.read(cdkOut, stack);
        }
        return new CommandLine(List.copyOf(stacks), cdkOut);
    }
}
