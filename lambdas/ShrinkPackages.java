import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;

/**
 * Shrinks the packages of the handlers that call AWS with ProGuard (lambdas/pom.xml runs it with java in
 * source-file mode, ProGuard on the class path): each target/shaded/NAME.jar into target/functions/NAME.jar
 * under sdk-shrink.pro, exactly as ProGuard's own main would, one package at a time.
 *
 * <p>Why not ProGuard's Maven plugin, one run per package: each run was a JVM of its own that read the JDK's
 * modules anew and spent much of its CPU compiling ProGuard itself, about 12 s of CPU a package. Here the
 * packages are split in two halves by size, one shrunk in this JVM and the other in one child JVM started
 * with the same JVM options (the POM's: C1 only and the serial collector, which suit a short batch job), so
 * the two cores of a build machine each take half and each JVM compiles ProGuard once. ProGuard's output
 * does not depend on which JVM shrinks a package or in which order: LambdaBundleTest and the stacks' asset
 * hashes hold the bytes.
 *
 * <p>Usage: {@code java ShrinkPackages.java CONFIG SHADED_DIR FUNCTIONS_DIR NAME...}; with {@code --here}
 * before CONFIG every named package is shrunk in this JVM (what the child is told).
 */
public final class ShrinkPackages {

    public static void main(String[] args) throws Exception {
        boolean here = args.length > 0 && args[0].equals("--here");
        int first = here ? 1 : 0;
        if (args.length - first < 4) {
            throw new IllegalArgumentException(
                    "expected [--here] CONFIG SHADED_DIR FUNCTIONS_DIR NAME..., got " + List.of(args));
        }
        File config = new File(args[first]);
        File shaded = new File(args[first + 1]);
        File functions = new File(args[first + 2]);
        List<String> names = List.of(args).subList(first + 3, args.length);

        if (here || names.size() == 1 || Runtime.getRuntime().availableProcessors() == 1) {
            for (String name : names) {
                shrink(config, shaded, functions, name);
            }
            return;
        }
        List<List<String>> halves = halvesBySize(shaded, names);
        Process child = startChild(config, shaded, functions, halves.get(1));
        try {
            for (String name : halves.get(0)) {
                shrink(config, shaded, functions, name);
            }
        } catch (Exception | Error e) {
            child.destroy();
            throw e;
        }
        int status = child.waitFor();
        if (status != 0) {
            throw new IllegalStateException(
                    "ProGuard failed (exit status " + status + ") on one of " + halves.get(1) + "; see its output above");
        }
    }

    /** What ProGuard's main does with the same arguments: parse the configuration, then run it. */
    private static void shrink(File config, File shaded, File functions, String name) throws Exception {
        long start = System.nanoTime();
        String[] options = {
            "-injars", new File(shaded, name + ".jar").getPath() + "(!META-INF/maven/**)",
            "-outjars", new File(functions, name + ".jar").getPath(),
            "-include", config.getPath()
        };
        Configuration configuration = new Configuration();
        try (ConfigurationParser parser = new ConfigurationParser(options, System.getProperties())) {
            parser.parse(configuration);
        }
        new ProGuard(configuration).execute();
        System.out.printf("shrank %s.jar in %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
    }

    /** Greedy split by the shaded jars' sizes, largest first, each to the lighter half. */
    private static List<List<String>> halvesBySize(File shaded, List<String> names) {
        List<String> bySize = new ArrayList<>(names);
        bySize.sort(Comparator.comparingLong((String name) -> new File(shaded, name + ".jar").length())
                .reversed());
        List<List<String>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        long[] weight = new long[2];
        for (String name : bySize) {
            int lighter = weight[0] <= weight[1] ? 0 : 1;
            halves.get(lighter).add(name);
            weight[lighter] += new File(shaded, name + ".jar").length();
        }
        return halves;
    }

    /** The same java, JVM options and class path, this source file, told to shrink its half itself. */
    private static Process startChild(File config, File shaded, File functions, List<String> names)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(sourceFile());
        command.add("--here");
        command.add(config.getPath());
        command.add(shaded.getPath());
        command.add(functions.getPath());
        command.addAll(names);
        return new ProcessBuilder(command).inheritIO().start();
    }

    /**
     * This file, as java's source-file mode was given it: JDK 17 to 21 name it in a system property; later
     * JDKs do not, and it is then the first argument naming a .java file on this JVM's command line.
     */
    private static String sourceFile() {
        String property = System.getProperty("jdk.launcher.sourcefile");
        if (property != null) {
            return property;
        }
        return ProcessHandle.current().info().arguments().stream()
                .flatMap(Arrays::stream)
                .filter(argument -> argument.endsWith(".java"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "ShrinkPackages runs in java's source-file mode (java ShrinkPackages.java ...), and this JVM's command line names no .java file"));
    }
}
