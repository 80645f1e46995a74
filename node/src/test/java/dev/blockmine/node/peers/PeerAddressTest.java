package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Peer URLs are read the same whatever the JVM's default locale (a Turkish one lowercases I to a dotless ı). */
class PeerAddressTest {

    @Test
    void schemeAndHostAreLowercasedWithoutTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            PeerAddress address = PeerAddress.parse("HTTP://MINING-IX:5000");
            assertThat(address.host()).isEqualTo("mining-ix");
            assertThat(address.url()).isEqualTo("http://mining-ix:5000");
        } finally {
            Locale.setDefault(before);
        }
    }
}
