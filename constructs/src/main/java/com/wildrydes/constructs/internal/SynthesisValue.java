package com.wildrydes.constructs.internal;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awscdk.IResolvable;
import software.amazon.awscdk.IResolveContext;
import software.amazon.awscdk.Token;

/**
 * A string known only at synthesis, such as a count that grows while the app adds to a construct.
 * aws-cdk-lib's {@code Lazy.string} does the job in TypeScript, but from Java its producer is called
 * with the resolve context, which jsii cannot pass to Java (synthesis fails with "Converting circular
 * structure to JSON"); an {@link IResolvable} receives the context as a reference.
 */
public final class SynthesisValue {

    private SynthesisValue() {}

    /**
     * A token that resolves to {@code producer}'s value each time the template is synthesized.
     *
     * @param description what the value is, shown where CDK prints the unresolved token
     * @param producer the value, read at synthesis
     * @return the token, to use where a string is taken
     */
    public static String string(String description, Supplier<String> producer) {
        return Token.asString(new IResolvable() {
            @Override
            public Object resolve(IResolveContext context) {
                return producer.get();
            }

            @Override
            public List<String> getCreationStack() {
                return List.of();
            }

            @Override
            public String toString() {
                return description;
            }
        });
    }
}
