package com.wildrydes.lambdas.rfq;

import java.math.BigDecimal;

/** A quote that counted, as the query answer and the completion event list it. */
public record QuoteView(String responder, BigDecimal quote) {}
