import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which of our Java code sends the jsii requests of a synthesis (bench/synth-profile):
 * {@code RequestOrigins <main class> [its arguments...]} runs that bench app's main with an inspector
 * on the jsii runtime's messages, and prints, by the innermost frame of our code (com.wildrydes, or the
 * bench app itself) on the stack of each request, how many requests it sent of each kind, and how
 * many of the Java runtime's naming look-ups (one for each object Node hands to Java first) it
 * caused. Node's callbacks into Java (an aspect's visit, a validation, a lazy value) count under
 * "callback" and the method called. The runtime's inspector hook is package-private and per thread:
 * it is set by reflection on the main thread, which makes every request.
 */
public final class RequestOrigins {

    private static final Map<String, int[]> COUNTS = new HashMap<>();
    private static final String[] KINDS = {"create", "get", "set", "invoke", "sget", "sinvoke", "naming", "callback"};

    public static void main(String[] args) throws Exception {
        Class<?> runtime = Class.forName("software.amazon.jsii.JsiiRuntime");
        Class<?> inspectorType = Class.forName("software.amazon.jsii.MessageInspector");
        Object inspector = Proxy.newProxyInstance(inspectorType.getClassLoader(), new Class<?>[] {inspectorType},
                (proxy, method, margs) -> {
                    if (method.getName().equals("inspect")) {
                        record((JsonNode) margs[0], margs[1].toString());
                    }
                    return null;
                });
        Field field = runtime.getDeclaredField("messageInspector");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        ThreadLocal<Object> local = (ThreadLocal<Object>) field.get(null);
        local.set(inspector);
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        local.remove();
        int[] total = new int[KINDS.length];
        System.out.printf("%-100s %s%n", "innermost frame of our code", String.join(" ", KINDS) + " all");
        COUNTS.entrySet().stream()
                .sorted((a, b) -> Integer.compare(sum(b.getValue()), sum(a.getValue())))
                .forEach(e -> {
                    StringBuilder line = new StringBuilder(String.format("%-100s", e.getKey()));
                    for (int i = 0; i < KINDS.length; i++) {
                        line.append(' ').append(e.getValue()[i]);
                        total[i] += e.getValue()[i];
                    }
                    System.out.println(line.append(' ').append(sum(e.getValue())));
                });
        StringBuilder line = new StringBuilder(String.format("%-100s", "total"));
        for (int count : total) {
            line.append(' ').append(count);
        }
        System.out.println(line.append(' ').append(sum(total)));
    }

    private static int sum(int[] counts) {
        return Arrays.stream(counts).sum();
    }

    private static void record(JsonNode message, String type) {
        String kind;
        if (type.equals("Request")) {
            kind = message.has("api") ? message.get("api").asText() : message.has("fqn") ? "create" : null;
        } else {
            kind = message.has("callback") ? "callback" : null;
        }
        int index = kind == null ? -1 : Arrays.asList(KINDS).indexOf(kind);
        if (index < 0) {
            return;
        }
        String origin = "(none of ours)";
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("com.wildrydes.") || (!name.contains(".") && !name.equals("RequestOrigins"))) {
                origin = name + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                break;
            }
        }
        if (kind.equals("callback")) {
            JsonNode callback = message.get("callback");
            String cookie = callback.path("cookie").asText("");
            origin = "callback " + (cookie.isEmpty() ? callback.path("get").path("property").asText("?") : cookie.replaceAll("\\(.*", "").replaceAll("^.* ", ""));
        }
        COUNTS.computeIfAbsent(origin, k -> new int[KINDS.length])[index]++;
    }
}
