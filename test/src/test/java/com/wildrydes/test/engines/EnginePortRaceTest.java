package com.wildrydes.test.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * dynoxide is given a port picked free beforehand (it cannot take a bound socket), so another
 * process can take that port in between. The engines must still start, on another port, and talk
 * to dynoxide rather than to whoever took the port.
 */
class EnginePortRaceTest {

    @Test
    void dynoxideStartsOnAnotherPortWhenThePickedOneIsTakenBeforeItBinds() throws Exception {
        Path logs = Files.createTempDirectory("port-race-logs");
        // The intruder: it holds the first port picked, listening, as another process would.
        try (ServerSocket intruder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger picks = new AtomicInteger();
            try (RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), logs, () -> {
                if (picks.getAndIncrement() == 0) {
                    return intruder.getLocalPort();
                }
                try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    return free.getLocalPort();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })) {
                assertTrue(picks.get() >= 2, "a second port was picked after the first was taken");
                assertTrue(
                        engines.dynamoDbEndpoint().getPort() != intruder.getLocalPort(),
                        "the DynamoDB endpoint is not the taken port: " + engines.dynamoDbEndpoint());
                // dynoxide answers there: a table made through the endpoint is listed.
                var dynamoDb = engines.dynamoDb();
                dynamoDb.createTable(create -> create.tableName("port-race")
                        .billingMode("PAY_PER_REQUEST")
                        .keySchema(key -> key.attributeName("id").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
                assertEquals(
                        java.util.List.of("port-race"), dynamoDb.listTables().tableNames());
            }
        }
    }
}
