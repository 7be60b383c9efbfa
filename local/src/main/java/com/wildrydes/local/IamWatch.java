package com.wildrydes.local;

import com.wildrydes.local.iam.Denial;
import java.util.HashSet;
import java.util.Set;

/**
 * Every few seconds, checks a lab's AWS calls so far against the template's policies and warns of
 * each newly denied one; with {@code -Dwildrydes.local.iamDenials=fail} it stops local mode on the
 * first (exit status 3).
 */
final class IamWatch {

    private IamWatch() {}

    static void start(LocalLab lab, boolean fail) {
        Thread watcher = new Thread(
                () -> {
                    Set<String> warned = new HashSet<>();
                    while (true) {
                        try {
                            Thread.sleep(5000);
                            for (Denial denial : lab.iamReport().denials()) {
                                if (warned.add(denial.toString())) {
                                    System.err.println("local mode: IAM " + (fail ? "ERROR" : "WARNING")
                                            + ", AWS would refuse this call: " + denial);
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
