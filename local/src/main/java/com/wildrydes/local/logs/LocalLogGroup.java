package com.wildrydes.local.logs;

import com.wildrydes.local.lambda.FunctionLogs;
import java.util.List;
import java.util.function.Supplier;

/**
 * One CloudWatch Logs log group of a running lab, under the name its template gives it: a
 * function's (the lines it wrote) or a state machine's (its executions' events, as Step Functions
 * logs them at level ALL), or one nothing writes to locally (an API's access logs).
 *
 * @param name the log group's name
 * @param stream the name of its one log stream
 * @param createdAt when local mode created it (epoch milliseconds)
 * @param events its events so far, oldest first
 */
public record LocalLogGroup(String name, String stream, long createdAt, Supplier<List<FunctionLogs.Line>> events) {}
