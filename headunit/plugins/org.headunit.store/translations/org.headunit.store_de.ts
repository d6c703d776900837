<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BasketLine</name>
    <message>
        <location filename="../qml/BasketLine.qml" line="+49"/>
        <source>One less</source>
        <translation>Eins weniger</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>One more</source>
        <translation>Eins mehr</translation>
    </message>
</context>
<context>
    <name>BasketPage</name>
    <message>
        <location filename="../qml/BasketPage.qml" line="+25"/>
        <source>Basket</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Your basket is empty</source>
        <translation>Ihr Warenkorb ist leer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parts for my car</source>
        <translation>Teile für mein Auto</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weiterer beim Parken</numerusform>
            <numerusform>%n weitere beim Parken</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checkout · %1</source>
        <translation>Zur Kasse · %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checkout needs the car parked</source>
        <translation>Bezahlen nur im Stand</translation>
    </message>
</context>
<context>
    <name>BookingDetail</name>
    <message>
        <location filename="../qml/BookingDetail.qml" line="+83"/>
        <source>Navigate</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New time</source>
        <translation>Neue Zeit</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A new time or cancelling needs the car parked</source>
        <translation>Neue Zeit oder Stornieren nur im Stand</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel the appointment?</source>
        <translation>Termin stornieren?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parts wait at the workshop for collection</source>
        <translation>Die Teile liegen zur Abholung in der Werkstatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel appointment</source>
        <translation>Termin stornieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
</context>
<context>
    <name>BookingReschedule</name>
    <message>
        <location filename="../qml/BookingReschedule.qml" line="+19"/>
        <source>Booked for %1</source>
        <translation>Gebucht für %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A new time needs the car parked</source>
        <translation>Eine neue Zeit nur im Stand</translation>
    </message>
</context>
<context>
    <name>BrowseCategories</name>
    <message numerus="yes">
        <location filename="../qml/BrowseCategories.qml" line="+95"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weiterer beim Parken</numerusform>
            <numerusform>%n weitere beim Parken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowseList</name>
    <message>
        <location filename="../qml/BrowseList.qml" line="+50"/>
        <source>Show more</source>
        <translation>Mehr zeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing here yet</source>
        <translation>Hier ist noch nichts</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weiterer beim Parken</numerusform>
            <numerusform>%n weitere beim Parken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowsePage</name>
    <message>
        <location filename="../qml/BrowsePage.qml" line="+29"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For your %1</source>
        <translation>Für Ihren %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For my car</source>
        <translation>Für mein Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessory store</source>
        <translation>Zubehör-Shop</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n parts fit or may fit</source>
        <translation>
            <numerusform>%n Teil passt oder passt vielleicht</numerusform>
            <numerusform>%n Teile passen oder passen vielleicht</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts checked against your %1</source>
        <translation>Teile geprüft für Ihren %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>All parts</source>
        <translation>Alle Teile</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Search parts and accessories</source>
        <translation>Teile und Zubehör suchen</translation>
    </message>
</context>
<context>
    <name>CheckoutAddress</name>
    <message>
        <location filename="../qml/CheckoutAddress.qml" line="+15"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street and number</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country code (MC, FR, DE…)</source>
        <translation>Ländercode (MC, FR, DE…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delivery address</source>
        <translation>Lieferadresse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No address yet</source>
        <translation>Noch keine Adresse</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <location filename="../qml/CheckoutPage.qml" line="+42"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkout</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Order placed: %1</source>
        <translation>Bestellt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fitting at %1, %2</source>
        <translation>Einbau bei %1, %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The time you chose was taken meanwhile: this is the nearest free one</source>
        <translation>Ihre Zeit war inzwischen vergeben: dies ist die nächste freie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My orders</source>
        <translation>Meine Bestellungen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deliver home</source>
        <translation>Nach Hause liefern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fit at a workshop</source>
        <translation>In der Werkstatt einbauen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pay %1</source>
        <translation>%1 bezahlen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+18"/>
        <source>Browse</source>
        <translation>Stöbern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For my car</source>
        <translation>Für mein Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basket</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
</context>
<context>
    <name>MaintenanceDetail</name>
    <message>
        <location filename="../qml/MaintenanceDetail.qml" line="+40"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+46"/>
        <source>Mark as done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Marking as done needs the car parked</source>
        <translation>Als erledigt markieren nur im Stand</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Parts that fit your car</source>
        <translation>Teile, die zu Ihrem Auto passen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No part in the catalog fits yet</source>
        <translation>Noch kein passendes Teil im Katalog</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: mark as done?</source>
        <translation>%1: als erledigt markieren?</translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message>
        <location filename="../qml/MaintenancePage.qml" line="+37"/>
        <source>Your car</source>
        <translation>Ihr Auto</translation>
    </message>
</context>
<context>
    <name>OrdersDetail</name>
    <message>
        <location filename="../qml/OrdersDetail.qml" line="+34"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Workshop appointment</source>
        <translation>Werkstatttermin</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../qml/OrdersPage.qml" line="+68"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No orders yet</source>
        <translation>Noch keine Bestellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No workshop appointments</source>
        <translation>Keine Werkstatttermine</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="+37"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Part %1</source>
        <translation>Teil %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Add another (%1 in basket)</source>
        <translation>Noch eins (%1 im Korb)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to basket</source>
        <translation>In den Warenkorb</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 ★ · %n reviews</source>
        <translation>
            <numerusform>%1 ★ · %n Bewertung</numerusform>
            <numerusform>%1 ★ · %n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Bewertungen</translation>
    </message>
</context>
<context>
    <name>ReviewsCard</name>
    <message>
        <location filename="../qml/ReviewsCard.qml" line="+43"/>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report</source>
        <translation>Melden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verified purchase</source>
        <translation>Verifizierter Kauf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drives a %1</source>
        <translation>Fährt einen %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review text shows when parked</source>
        <translation>Text der Bewertung im Stand</translation>
    </message>
</context>
<context>
    <name>ReviewsHistogram</name>
    <message numerus="yes">
        <location filename="../qml/ReviewsHistogram.qml" line="+20"/>
        <source>%n reviews</source>
        <translation>
            <numerusform>%n Bewertung</numerusform>
            <numerusform>%n Bewertungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <location filename="../qml/ReviewsPage.qml" line="+38"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your review</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviews</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Write a review</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Why report this review?</source>
        <translation>Warum melden Sie diese Bewertung?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No reviews yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
</context>
<context>
    <name>ReviewsWrite</name>
    <message numerus="yes">
        <location filename="../qml/ReviewsWrite.qml" line="+27"/>
        <source>%n stars</source>
        <translation>
            <numerusform>%n Stern</numerusform>
            <numerusform>%n Sterne</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What was it like to fit and use?</source>
        <translation>Wie waren Einbau und Gebrauch?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shown with your car: %1</source>
        <translation>Angezeigt mit Ihrem Auto: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Publish review</source>
        <translation>Bewertung veröffentlichen</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+19"/>
        <source>Accessory store</source>
        <translation>Zubehör-Shop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Basket %1</source>
        <translation>Korb %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For your %1</source>
        <translation>Für Ihren %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts that fit your car</source>
        <translation>Teile, die passen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n parts</source>
        <translation>
            <numerusform>%n Teil</numerusform>
            <numerusform>%n Teile</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered or fitted</source>
        <translation>Geliefert oder eingebaut</translation>
    </message>
</context>
<context>
    <name>WorkshopHeader</name>
    <message>
        <location filename="../qml/WorkshopHeader.qml" line="+19"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>WorkshopPicker</name>
    <message>
        <location filename="../qml/WorkshopPicker.qml" line="+31"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mi</source>
        <translation>mi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Near the car</source>
        <translation>In der Nähe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>On the route</source>
        <translation>Auf der Route</translation>
    </message>
</context>
<context>
    <name>WorkshopSlots</name>
    <message>
        <location filename="../qml/WorkshopSlots.qml" line="+26"/>
        <source>Previous day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1, taken</source>
        <translation>%1, vergeben</translation>
    </message>
</context>
<context>
    <name>org.headunit.store</name>
    <message>
        <location filename="../store/service.py" line="+280"/>
        <source>Updated just now</source>
        <translation>Gerade aktualisiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated %1 min ago</source>
        <translation>Vor %1 min aktualisiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated %1 h ago</source>
        <translation>Vor %1 h aktualisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated %1 days ago</source>
        <translation>Vor %1 Tagen aktualisiert</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+228"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+226"/>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../store/words.py" line="+172"/>
        <source>Ready at the workshop</source>
        <translation>Bereit in der Werkstatt</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../store/words.py" line="+0"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../store/words.py" line="+1"/>
        <source>Fitted</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No route is being guided</source>
        <translation>Keine Zielführung aktiv</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the car&apos;s position</source>
        <translation>Warte auf die Position des Autos</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Workshops are not available offline yet</source>
        <translation>Werkstätten sind offline noch nicht verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workshops are not available: %1</source>
        <translation>Werkstätten sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No partner workshop on the route</source>
        <translation>Keine Partnerwerkstatt auf der Route</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No partner workshop near the car</source>
        <translation>Keine Partnerwerkstatt in der Nähe</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open until %1</source>
        <translation>Geöffnet bis %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens at %1</source>
        <translation>Öffnet um %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed now</source>
        <translation>Jetzt geschlossen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Looking for free times…</source>
        <translation>Freie Zeiten werden gesucht…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Free times need a connection</source>
        <translation>Freie Zeiten brauchen eine Verbindung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No free time this day</source>
        <translation>An diesem Tag nichts frei</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Orders are not available offline yet</source>
        <translation>Bestellungen sind offline noch nicht verfügbar</translation>
    </message>
    <message>
        <location line="+49"/>
        <location filename="../store/shop.py" line="+925"/>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+33"/>
        <location filename="../store/shop.py" line="+41"/>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <location filename="../store/shop.py" line="+2"/>
        <source>Sent, waiting for the shop</source>
        <translation>Gesendet, wartet auf den Shop</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ordered %1</source>
        <translation>Bestellt am %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To %1</source>
        <translation>An %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fitted at a workshop</source>
        <translation>Einbau in einer Werkstatt</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+98"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Moved from %1: that time was taken</source>
        <translation>Verschoben von %1: Die Zeit war vergeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancellation waiting to send</source>
        <translation>Stornierung wartet auf Versand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to %1 waiting to send</source>
        <translation>Änderung auf %1 wartet auf Versand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled: the parts wait at the workshop for collection</source>
        <translation>Storniert: Die Teile liegen zur Abholung in der Werkstatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment passed</source>
        <translation>Termin vorbei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Changing an appointment needs the car parked</source>
        <translation>Termine lassen sich nur im Stand ändern</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../store/shop.py" line="-241"/>
        <location line="+255"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Moved to %1</source>
        <translation>Verschoben auf %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not sent in time: nothing was changed</source>
        <translation>Nicht rechtzeitig gesendet: Nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The appointment has begun: it can no longer be changed</source>
        <translation>Der Termin hat begonnen: Er lässt sich nicht mehr ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That time was just taken: pick another</source>
        <translation>Diese Zeit ist gerade vergeben worden: Bitte eine andere wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workshop no longer knows this appointment</source>
        <translation>Die Werkstatt kennt diesen Termin nicht mehr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workshop refused the change</source>
        <translation>Die Werkstatt hat die Änderung abgelehnt</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This workshop has no position</source>
        <translation>Für diese Werkstatt ist kein Standort bekannt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Navigation is not available</source>
        <translation>Navigation ist nicht verfügbar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Workshop appointment in %1 min</source>
        <translation>Werkstatttermin in %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Service reminders are not available</source>
        <translation>Wartungserinnerungen sind nicht verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up your car in Settings › Vehicle for service reminders</source>
        <translation>Für Wartungserinnerungen das Auto unter Einstellungen › Fahrzeug einrichten</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Engine oil</source>
        <translation>Motoröl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oil filter</source>
        <translation>Ölfilter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Air filter</source>
        <translation>Luftfilter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cabin filter</source>
        <translation>Innenraumfilter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wiper blades</source>
        <translation>Wischerblätter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tyres</source>
        <translation>Reifen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Soon</source>
        <translation>Bald</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Overdue by %1 km</source>
        <translation>Seit %1 km überfällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due in %1 km or by %2</source>
        <translation>Fällig in %1 km oder bis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due in %1 km</source>
        <translation>Fällig in %1 km</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due by %1</source>
        <translation>Fällig bis %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No service recorded yet</source>
        <translation>Noch keine Wartung eingetragen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Service due: %1</source>
        <translation>Wartung fällig: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Fits if you confirm a detail</source>
        <translation>Passt, wenn Sie ein Detail bestätigen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Last done %1 at %2 km</source>
        <translation>Zuletzt am %1 bei %2 km</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last done %1</source>
        <translation>Zuletzt am %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Marking a service as done needs the car parked</source>
        <translation>Wartung als erledigt markieren geht nur im Stand</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 marked as done</source>
        <translation>%1 als erledigt markiert</translation>
    </message>
    <message>
        <location filename="../store/shop.py" line="-454"/>
        <source>The catalog could not be updated: %1</source>
        <translation>Der Katalog konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog cannot be read: %1</source>
        <translation>Der Katalog kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="-144"/>
        <location line="+674"/>
        <source>%1 parts</source>
        <translation>%1 Teile</translation>
    </message>
    <message>
        <location line="-652"/>
        <source>Results for “%1”</source>
        <translation>Ergebnisse für „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For my car</source>
        <translation>Für mein Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All products</source>
        <translation>Alle Produkte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Popular</source>
        <translation>Beliebt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price: low to high</source>
        <translation>Preis aufsteigend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price: high to low</source>
        <translation>Preis absteigend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best rated</source>
        <translation>Bestbewertet</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Loading the catalog…</source>
        <translation>Katalog wird geladen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog loads when the car is online</source>
        <translation>Der Katalog lädt, sobald das Auto online ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. Showing the catalog as of %2</source>
        <translation>%1. Katalog von %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: catalog as of %1</source>
        <translation>Offline: Katalog von %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This product is not in the catalog on the car yet</source>
        <translation>Dieses Produkt ist noch nicht im Katalog des Autos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reviews load when the car is online</source>
        <translation>Bewertungen laden, sobald das Auto online ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviews could not be read: %1</source>
        <translation>Bewertungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline: reviews as of %1</source>
        <translation>Offline: Bewertungen von %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A partner workshop can fit it in %1 min</source>
        <translation>Eine Partnerwerkstatt baut es in %1 min ein</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+30"/>
        <source>Writing a review needs the car parked</source>
        <translation>Bewerten nur im Stand</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Spam or advertising</source>
        <translation>Spam oder Werbung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offensive</source>
        <translation>Beleidigend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not about this product</source>
        <translation>Nicht zu diesem Produkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fake review</source>
        <translation>Gefälschte Bewertung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reporting the review…</source>
        <translation>Bewertung wird gemeldet…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose from one to five stars</source>
        <translation>Wählen Sie ein bis fünf Sterne</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending your review…</source>
        <translation>Ihre Bewertung wird gesendet…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Thank you: the review was reported</source>
        <translation>Danke: Die Bewertung wurde gemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account has already reported this review, or wrote it</source>
        <translation>Ihr Konto hat diese Bewertung schon gemeldet oder selbst verfasst</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report was not sent</source>
        <translation>Die Meldung wurde nicht gesendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you: your review is published</source>
        <translation>Danke: Ihre Bewertung ist veröffentlicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You have already reviewed this product</source>
        <translation>Sie haben dieses Produkt schon bewertet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your review was not published</source>
        <translation>Ihre Bewertung wurde nicht veröffentlicht</translation>
    </message>
    <message>
        <location line="+80"/>
        <location line="+69"/>
        <location line="+37"/>
        <location line="+44"/>
        <location line="+66"/>
        <source>Checkout needs the car parked</source>
        <translation>Bezahlen nur im Stand</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>something in the basket</source>
        <translation>etwas im Warenkorb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a workshop and a time</source>
        <translation>eine Werkstatt und eine Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fitted at %1</source>
        <translation>Einbau bei %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 items</source>
        <translation>%1 Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+123"/>
        <source>Accessory store</source>
        <translation>Zubehör-Shop</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Still needed: %1</source>
        <translation>Es fehlt noch: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The order cannot be paid: %1</source>
        <translation>Die Bestellung kann nicht bezahlt werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm on the screen</source>
        <translation>Bitte auf dem Bildschirm bestätigen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Order placed</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is no longer in stock: take it out of the basket</source>
        <translation>%1 ist nicht mehr vorrätig: bitte aus dem Warenkorb nehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workshop</source>
        <translation>Werkstatt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basket: %1 items</source>
        <translation>Warenkorb: %1 Artikel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing on order</source>
        <translation>Keine offene Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse the store when parked</source>
        <translation>Im Stand im Shop stöbern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For your %1</source>
        <translation>Für Ihren %1</translation>
    </message>
    <message>
        <location filename="../store/words.py" line="-139"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>petrol</source>
        <translation>Benzin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>diesel</source>
        <translation>Diesel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>electric</source>
        <translation>Elektro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>plug-in hybrid</source>
        <translation>Plug-in-Hybrid</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hatchback</source>
        <translation>Schrägheck</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>estate</source>
        <translation>Kombi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>saloon</source>
        <translation>Limousine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SUV</source>
        <translation>SUV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pickup</source>
        <translation>Pick-up</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>front</source>
        <translation>vorne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rear</source>
        <translation>hinten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>front and rear</source>
        <translation>vorne und hinten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>driver&apos;s side</source>
        <translation>Fahrerseite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passenger&apos;s side</source>
        <translation>Beifahrerseite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>all round</source>
        <translation>rundum</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>your car is a %1 model</source>
        <translation>Ihr Auto ist Baujahr %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the model year matches</source>
        <translation>das Modelljahr passt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your engine is %1</source>
        <translation>Ihr Motor ist %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your car runs on %1</source>
        <translation>Ihr Auto fährt mit %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your car is a %1</source>
        <translation>Ihr Auto ist ein %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your tyres are %1</source>
        <translation>Ihre Reifen sind %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>your car has %1</source>
        <translation>Ihr Auto hat %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>made for %1 cars</source>
        <translation>für %1-Fahrzeuge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made for other makes</source>
        <translation>für andere Marken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>made for the %1</source>
        <translation>für den %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made for other models</source>
        <translation>für andere Modelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for %1 models</source>
        <translation>für Baujahre %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for %1 engines</source>
        <translation>für Motoren %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for %1 cars</source>
        <translation>für Fahrzeuge mit %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for the %1 body</source>
        <translation>für die Karosserie %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for %1 tyres</source>
        <translation>für Reifen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tell the store your car in Settings › Vehicle</source>
        <translation>nennen Sie Ihr Auto unter Einstellungen › Fahrzeug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shop gives no fitment data</source>
        <translation>der Shop nennt keine Passdaten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>set of %1</source>
        <translation>%1er-Satz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fits</source>
        <translation>Passt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any car</source>
        <translation>jedes Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your %1</source>
        <translation>Ihren %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your car</source>
        <translation>Ihr Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fits: %1</source>
        <translation>Passt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fits if</source>
        <translation>Passt, wenn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fits if: %1</source>
        <translation>Passt, wenn: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not fit</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not fit: %1</source>
        <translation>Passt nicht: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit unknown</source>
        <translation>Passform unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit unknown: %1</source>
        <translation>Passform unbekannt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only %1 left</source>
        <translation>Nur noch %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stock</source>
        <translation>Auf Lager</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Being prepared</source>
        <translation>In Vorbereitung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On its way</source>
        <translation>Unterwegs</translation>
    </message>
</context>
</TS>
