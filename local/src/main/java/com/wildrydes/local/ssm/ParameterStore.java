package com.wildrydes.local.ssm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** SSM parameters by name with their version, as deployed stacks put them (the bootstrap version). */
public final class ParameterStore {

    public record Parameter(String name, String type, String value, long version) {}

    private final Map<String, Parameter> parameters = new ConcurrentHashMap<>();

    public Parameter put(String name, String type, String value) {
        return parameters.compute(
                name,
                (key, old) -> new Parameter(
                        name, type == null ? "String" : type, value, old == null ? 1 : old.version() + 1));
    }

    public Optional<Parameter> get(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public void delete(String name) {
        parameters.remove(name);
    }
}
