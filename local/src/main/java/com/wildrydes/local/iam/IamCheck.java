package com.wildrydes.local.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks one lab run's recorded calls, with what they imply, against its template's policies, and
 * tells which identity grants no call used.
 */
public final class IamCheck {

    private IamCheck() {}

    public static IamReport check(String stack, CallRecorder recorder, TemplatePolicies policies) {
        List<RecordedCall> calls = new ImpliedCalls(policies).expand(recorder.distinct());
        List<PolicyEvaluator.Decision> decisions =
                calls.isEmpty() ? List.of() : PolicyEvaluator.decide(calls, policies);
        List<Denial> denials = new ArrayList<>();
        List<RecordedCall> allowed = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            PolicyEvaluator.Decision decision = decisions.get(i);
            if (decision.allowed()) {
                allowed.add(calls.get(i));
            } else {
                denials.add(new Denial(calls.get(i), decision.result(), decision.why()));
            }
        }
        List<IamReport.GrantUse> grants = new ArrayList<>();
        for (TemplatePolicies.Grant grant : policies.grants()) {
            boolean used = allowed.stream()
                    .anyMatch(call -> call.role() != null
                            && grant.roleLogicalId().equals(policies.roleLogicalId(call.role()))
                            && glob(grant.action(), true).matcher(call.action()).matches()
                            && glob(grant.resource(), false)
                                    .matcher(call.resource())
                                    .matches());
            grants.add(new IamReport.GrantUse(grant, used));
        }
        List<String> notEvaluated = new ArrayList<>(policies.notEvaluated());
        notEvaluated.add("logs:CreateLogStream and logs:PutLogEvents of each function's role (Lambda writes the"
                + " function's logs; local mode keeps them in memory and records no such call)");
        return new IamReport(stack, recorder.total(), calls.size(), denials, grants, notEvaluated);
    }

    /** An IAM pattern ({@code *} and {@code ?} wildcards) as a regular expression. */
    static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
