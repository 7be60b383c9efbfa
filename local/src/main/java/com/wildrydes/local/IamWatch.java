package com.wildrydes.local;

import com.wildrydes.local.iam.Denial;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every few seconds, checks the running labs' AWS calls so far against their templates' policies
 * and warns of each newly denied one; with {@code -Dwildrydes.local.iamDenials=fail} it stops
 * local mode on the first (exit status 3). The local command watches its labs, the local account
 * of {@code cdk deploy} whatever is deployed at the time.
 */
public final class IamWatch {

    private IamWatch() {}

    public static void start(Supplier<? extends Collection<LocalLab>> labs, boolean fail) {
        Thread watcher = new Thread(
                () -> {
                    Set<String> warned = new HashSet<>();
                    while (true) {
                        try {
                            Thread.sleep(5000);
                            for (LocalLab lab : labs.get()) {
                                for (Denial denial : lab.iamReport().denials()) {
                                    if (warned.add(lab.stackName() + " " + denial)) {
                                        System.err.println("local mode: IAM " + (fail ? "ERROR" : "WARNING")
                                                + ", AWS would refuse this call of " + lab.stackName() + ": "
                                                + denial);
                                    }
                                }
                            }
                            if (fail && !warned.isEmpty()) {
                                System.exit(3);
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            System.err.println("local mode: the IAM check failed: " + e.getMessage());
                        }
                    }
                },
                "iam-check");
        watcher.setDaemon(true);
        watcher.start();
    }
}
