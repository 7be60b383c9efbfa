package com.wildrydes.lambdas.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * SnapStart resumes every execution environment from one snapshot of the initialised JVM, so a
 * generator created during init starts out in the same state everywhere. AWS's guidance: a
 * java.util.Random (or ThreadLocalRandom) seeded then repeats its numbers in each environment;
 * java.security.SecureRandom is the generator that stays random across restores.
 */
class DemoRandomTest {

    @Test
    void theDemoDrawsFromASecureRandom() {
        assertInstanceOf(
                SecureRandom.class,
                DemoRandom.create().generator(),
                "ThreadLocalRandom and java.util.Random replay the snapshot's state after each restore");
    }

    @Test
    void copiesOfOneInitialisedStateDoNotRepeatEachOther() throws Exception {
        // A snapshot copies the heap: here, two copies of one generator's serialised state.
        byte[] snapshot = serialise(DemoRandom.create().generator());
        assertNotEquals(
                draw(restore(snapshot)), draw(restore(snapshot)), "two restored environments drew the same numbers");

        // What the test guards against: a plain Random copied the same way replays its numbers.
        byte[] plain = serialise(new Random());
        assertEquals(draw(restore(plain)), draw(restore(plain)));
    }

    @Test
    void drawsFromZeroToOne() {
        DoubleSupplier random = DemoRandom.create();
        assertTrue(DoubleStream.generate(random).limit(1000).allMatch(x -> x >= 0 && x < 1));
    }

    private static List<Double> draw(Random random) {
        return DoubleStream.generate(random::nextDouble).limit(16).boxed().toList();
    }

    private static byte[] serialise(Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        }
        return bytes.toByteArray();
    }

    private static Random restore(byte[] snapshot) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
            return (Random) in.readObject();
        }
    }
}
