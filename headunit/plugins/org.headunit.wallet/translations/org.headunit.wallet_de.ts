<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+14"/>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking: %1</source>
        <translation>Parken: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last receipt</source>
        <translation>Letzter Beleg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fuel and parking</source>
        <translation>Tanken und Parken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay from the car when parked</source>
        <translation>Im Stand aus dem Auto bezahlen</translation>
    </message>
</context>
<context>
    <name>WalletView</name>
    <message>
        <location filename="../qml/WalletView.qml" line="+16"/>
        <location line="+87"/>
        <source>Fuel</source>
        <translation>Tanken</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Parking</source>
        <translation>Parken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts</source>
        <translation>Belege</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Parking: %1</source>
        <translation>Parken: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last receipt</source>
        <translation>Letzter Beleg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+166"/>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Payments are available when parked</source>
        <translation>Zahlungen sind im Stand möglich</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Pay at pump %1</source>
        <translation>An Säule %1 bezahlen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose your pump</source>
        <translation>Zapfsäule wählen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel fuelling</source>
        <translation>Tanken abbrechen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>End parking</source>
        <translation>Parken beenden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>End parking automatically when the car drives away?</source>
        <translation>Parken automatisch beenden, wenn das Auto losfährt?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Zone %1 of %2</source>
        <extracomment>Shows the next parking zone near the car; %1 of %2 counts them.</extracomment>
        <translation>Zone %1 von %2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Default card</source>
        <translation>Standardkarte</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Make default</source>
        <translation>Als Standard</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+50"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Add a card</source>
        <translation>Karte hinzufügen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No receipts yet</source>
        <translation>Noch keine Belege</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past receipts keep it</source>
        <translation>Frühere Belege behalten sie</translation>
    </message>
</context>
<context>
    <name>org.headunit.wallet</name>
    <message>
        <location filename="../wallet/store.py" line="+175"/>
        <source>Cards are not available offline yet</source>
        <translation>Karten sind offline noch nicht verfügbar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting for the car&apos;s position</source>
        <translation>Warte auf die Position des Autos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No fuel station on the map here</source>
        <translation>Hier ist keine Tankstelle auf der Karte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fuel station</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fuel station</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This station does not take payments from the car</source>
        <translation>Diese Tankstelle nimmt keine Zahlungen aus dem Auto an</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Parking zones are not available: %1</source>
        <translation>Parkzonen nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No parking zone here</source>
        <translation>Hier gibt es keine Parkzone</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Pump</source>
        <translation>Zapfsäule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fuel</source>
        <translation>Tanken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold for</source>
        <translation>Reserviert für</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+109"/>
        <source>Confirm on the screen</source>
        <translation>Bitte auf dem Bildschirm bestätigen</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+97"/>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Sent, waiting for the station</source>
        <translation>Gesendet, wartet auf die Station</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pump %1 is ready: start fuelling</source>
        <translation>Säule %1 ist bereit: jetzt tanken</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+98"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+98"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Paid %1 for %2 L</source>
        <translation>%1 für %2 L bezahlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled: the hold was released</source>
        <translation>Abgebrochen: die Reservierung wurde freigegeben</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Rate</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+239"/>
        <source>%1 per hour</source>
        <translation>%1 pro Stunde</translation>
    </message>
    <message>
        <location line="-237"/>
        <location line="+121"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Sent, waiting for the parking operator</source>
        <translation>Gesendet, wartet auf den Parkbetreiber</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Parking ends in 10 minutes</source>
        <translation>Parken endet in 10 Minuten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ending parking…</source>
        <translation>Parken wird beendet …</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>%1 (%2 left)</source>
        <translation>%1 (noch %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Parking ended: %1</source>
        <translation>Parken beendet: %1</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Parking could not be ended: %1</source>
        <translation>Parken konnte nicht beendet werden: %1</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>Park at a fuel pump to pay for fuel (nearest: %1, %2)</source>
        <translation>Zum Bezahlen an einer Zapfsäule parken (nächste: %1, %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fuel prices are not available right now</source>
        <translation>Kraftstoffpreise sind gerade nicht verfügbar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo prices: no fuel is sold</source>
        <translation>Demopreise: Es wird kein Kraftstoff verkauft</translation>
    </message>
    <message>
        <location line="+262"/>
        <source>Ending parking: the car drove away</source>
        <translation>Parken wird beendet: das Auto ist losgefahren</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The card could not be removed</source>
        <translation>Die Karte konnte nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+61"/>
        <source>Parking</source>
        <translation>Parken</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last receipt</source>
        <translation>Letzter Beleg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payments are available when parked</source>
        <translation>Zahlungen sind im Stand möglich</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Offline: cards as of %1</source>
        <translation>Offline: Karten von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No card yet: add one with your phone</source>
        <translation>Noch keine Karte: fügen Sie eine mit dem Handy hinzu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fuel · pump %1 · %2 L</source>
        <translation>Tanken · Säule %1 · %2 L</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Petrol</source>
        <translation>Benzin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diesel</source>
        <translation>Diesel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hold %1 for %2 L: you pay for what you pump</source>
        <translation>Reservierung %1 für %2 L: Sie zahlen, was Sie tanken</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
</TS>
