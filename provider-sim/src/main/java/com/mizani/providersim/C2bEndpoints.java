package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C2B pair: {@code POST /mpesa/c2b/v1/registerurl} remembers where a short code's payments are confirmed, and
 * {@code POST /mpesa/c2b/v1/simulate} makes a customer pay it: the money is received into the ledger and the
 * confirmation POSTed to the registered ConfirmationURL. The ValidationURL is kept but never called, as Daraja
 * only calls it when external validation is switched on for the short code.
 */
final class C2bEndpoints {

    static final String REGISTER_PATH = "/mpesa/c2b/v1/registerurl";
    static final String SIMULATE_PATH = "/mpesa/c2b/v1/simulate";
    private static final Logger log = LoggerFactory.getLogger(C2bEndpoints.class);

    private final Ledger ledger;
    private final CallbackSender callbacks;
    private final Ids ids;
    private final Clock clock;
    private final Map<String, C2bRegistration> registrationByShortCode = new ConcurrentHashMap<>();

    C2bEndpoints(Ledger ledger, CallbackSender callbacks, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.ids = ids;
        this.clock = clock;
    }

    /** Registering again replaces the URLs, as the Daraja sandbox allows (production refuses a second registration). */
    Answer.Reply register(JsonNode body, FaultDice.RequestFate fate) {
        C2bRegistration registration = C2bRegistration.parse(body);
        registrationByShortCode.put(registration.shortCode(), registration);
        log.info("C2B short code {} confirms to {}", registration.shortCode(), registration.confirmationUrl());
        return Answer.json(200, C2bBodies.acknowledgement(ids.requestId(), C2bBodies.REGISTERED));
    }

    Answer.Reply simulate(JsonNode body, FaultDice.RequestFate fate) {
        C2bSimulation simulation = C2bSimulation.parse(body);
        C2bRegistration registration = registrationByShortCode.get(simulation.shortCode());
        if (registration == null) {
            throw new InvalidRequestException("Invalid ShortCode: no ConfirmationURL registered for " + simulation.shortCode()
                    + " (call " + REGISTER_PATH + " first)");
        }
        C2bPayment payment = ledger.receiveC2b(simulation, registration, clock.instant());
        log.info("C2B {}: {} KES from {} for {}", payment.transId(), payment.amount(), payment.msisdn(),
                payment.billRefNumber());
        callbacks.send(registration.confirmationUrl(), C2bBodies.confirmation(payment), fate);
        return Answer.json(200, C2bBodies.acknowledgement(ids.requestId(), DarajaBodies.ACCEPTED));
    }
}
