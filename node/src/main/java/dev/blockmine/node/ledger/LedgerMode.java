package dev.blockmine.node.ledger;

import java.util.Locale;

/** What a spend must satisfy ({@code node.ledger}). */
public enum LedgerMode {

    /** The course's behaviour: any sender may send any amount; nothing is checked. */
    OPEN("open: any transfer is accepted, as in the course (no balances)"),

    /** A sender spends only what it holds: coins received minus coins sent, pending spends included. */
    BALANCES("balances: a sender spends only the coins it holds"),

    /** As balances, and each spend is signed with the sender's Ed25519 key, with a nonce that only grows. */
    SIGNED("signed: spends need the sender's Ed25519 signature, and the coins");

    private final String description;

    LedgerMode(String description) {
        this.description = description;
    }

    /** One line for people (the dashboard). */
    public String description() {
        return description;
    }

    /** The setting's value, as written on the command line (node.ledger=...). */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
