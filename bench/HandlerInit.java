import java.lang.management.ManagementFactory;

/**
 * Measures a handler's initialisation in a fresh JVM: loading its class and running its no-arg
 * constructor (which builds the AWS SDK clients), what Lambda does in the init phase before a
 * SnapStart snapshot is taken. Run by bench/run, one JVM per handler:
 *   java -cp lambdas/target/wild-rydes-lambdas.jar bench/HandlerInit.java com.example.Handler
 */
public class HandlerInit {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long initMillis = (System.nanoTime() - start) / 1_000_000;
        long classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println(handler.getClass().getSimpleName() + " init_ms=" + initMillis + " loaded_classes=" + classes);
    }
}
