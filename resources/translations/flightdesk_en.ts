<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellation status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund to the wallet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not refunded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote valid for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left to confirm this quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a &amp;new quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <source>Offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time and payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why Book is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book this offer for these passengers (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the support details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy for s&amp;upport</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckoutTab</name>
    <message>
        <source>Booking status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since the booking was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top up wallet (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the wallet again and book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print itinerary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve itinerary as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy order &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;travellers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these passengers as traveller profiles for their next booking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Change contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone, international format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+2348031234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FlightDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode banner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages and checkouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FlightDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — bookings go to the built-in offline sandboxes. Nothing is charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect again with the saved settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traveller &amp;profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show orders by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking reference, order id or passenger name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the order journal again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the order id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idempotency key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the idempotency key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passengers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-tickets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of the selected order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change contact detai&amp;ls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassengerForm</name>
    <message>
        <source>Passenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As in the passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+2348012345678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport MRZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&lt;NGAOKAFOR&lt;&lt;ADEBAYO&lt;&lt;&lt;… (the two lines under the photo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A12345678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill from &amp;MRZ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Edit traveller profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked with the same rules as a booking&apos;s passengers: a profile is saved only when a booking could use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Traveller profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of a given or family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a traveller by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Travellers (Enter edits, Delete deletes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase &amp;passport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include passport &amp;numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderSection</name>
    <message>
        <source>E&amp;nabled: search and book with this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the provider&apos;s server for the wallet balance with the values entered above</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveTravellersDialog</name>
    <message>
        <source>Save travellers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these travellers for their next booking: name, date of birth, gender, title and contact details. Typing a name in a passenger card then offers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travellers to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also keep passport &amp;numbers and expiry dates (encrypted, erasable)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Flight search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search flights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: departure airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airport code or city, e.g. LOS or Lagos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap origin and destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⇄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: arrival airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airport code or city, e.g. LHR or London Heathrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ne way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cabin class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ret&amp;urn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults, 12 years or older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children, 2 to 11 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Infants (under 2, on a lap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infants under 2, on an adult&apos;s lap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for offers (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys select an offer, Enter chooses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue to passengers with the selected offer (Enter in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap origin and destination (Alt+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi&amp;ldren (2–11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:8787 (empty: no webhooks, poll only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing sc&amp;ale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept webhooks from other com&amp;puters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on all network interfaces; the provider must reach this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listens on all network interfaces, so the provider (or an agency relay) can reach this desk over the network. Leave it off when webhooks arrive through this computer: the receiver then answers only 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long one request to any provider may take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Th&amp;is desk only (a file on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gency database (PostgreSQL, shared by every desk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://USER@HOST:5432/DATABASE (no password here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwo&amp;rd:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;database connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection to the agency database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when you save, or when FlightDesk restarts if a booking is in progress. Orders stay in the journal they were booked in: switching does not move them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Displa&amp;y language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlightDesk shows a new language when it starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::CancellationState</name>
    <message>
        <source>Cancellation quoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellation unresolved: resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cancellable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellation quote expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellation not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellation error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::CheckoutFlow</name>
    <message>
        <source>Some passenger details need fixing; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticketed. Booking reference %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The airline did not confirm the booking; no charge was applied. Search again for this route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The airline has not answered for order %1. Contact support with this order id; do not book again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking was already sent; it continues where it left off and will not be sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking is already being processed; it will not be sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This checkout has already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking needs support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved checkout cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking belongs to %1, not %2; it is not sent from here. Open it where FlightDesk is connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider says key %2 was already used for a different request (%1), so a request with it may have booked. Contact support with this key; do not book again until support answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused the API key (%1). Nothing was booked. Check the API key in Settings, then start this checkout again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider could not check the offer and the wallet (%1). Nothing was booked. Contact support if it happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused this booking and it is not retried (%1). Contact support with key %2 before booking this trip again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused a retry (%1), but an earlier attempt may have booked. Resume later: the same key is sent, so it cannot book twice. If it is refused again, contact support with key %2; do not book again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved checkout cannot be read, so ticketing was not asked for. Contact support; do not book again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused to ticket order %1 (%2). Contact support with this order id; do not book again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another desk took over this booking after this desk stopped renewing its claim; it continues there, with the same key. Nothing more is sent from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order journal could not be reached for longer than this desk&apos;s claim on the booking lasts (%1), so another desk may now continue it; nothing more is sent from here. Resume it once the journal is back: the same key is used, so it cannot book twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider created order %1, but the journal could not record it (%2). Do not book again; contact support with order %1 and key %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on this desk, process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desk &quot;%1&quot;, process %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1; if it has stopped, the booking is released at %2)</source>
        <extracomment>%1 where the booking is open; %2 a local time, e.g. 10:42:07.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking is already being handled by another window or process%1; it will not be sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::CheckoutState</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the offer and the wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passenger details to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insufficient funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the airline to ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved: contact support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticketed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed, no charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by a new attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::Money</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in %2: write a decimal string with exactly %3 digit(s) after the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot combine %1 with %2: amounts in different currencies are never converted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::Offer</name>
    <message>
        <source>The offer is not usable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no &quot;id&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;expires_at&quot; is not an RFC 3339 UTC time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;price_guarantee_expires_at&quot; is not an RFC 3339 UTC time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a slice has no valid departure or arrival time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no passengers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cancellation quote has no id, order or refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallet is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fare is not usable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount is not a whole number of minor units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no &quot;fare_id&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;valid_until&quot; is not an RFC 3339 UTC time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no itineraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an itinerary has no segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an itinerary has no valid departure or arrival time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no travellers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a traveller has no &quot;ref&quot; or no known &quot;type&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cancellation quote has no quote_id, pnr or refund.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::Order</name>
    <message>
        <source>The order has no &quot;id&quot; or &quot;status&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking has no &quot;pnr&quot; or &quot;status&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::Passenger</name>
    <message>
        <source>Must be text (a JSON string).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passengers must be a JSON array of passenger objects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passenger %1 is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a document object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a list (a JSON array) of documents.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ProviderStatus</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticketing in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticketed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::mrz</name>
    <message>
        <source>The name fills the whole machine-readable line and may be cut short: copy the full name from the passport&apos;s printed page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the two lines at the bottom of the passport&apos;s photo page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passport&apos;s machine-readable zone has 2 lines; this has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 has %2 characters; each line of a passport&apos;s zone has 44. Check that nothing was cut off or added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 has &quot;%2&quot; at position %3; the zone holds only A–Z, 0–9 and &lt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This zone is not a passport&apos;s (it starts with &quot;%1&quot;, not &quot;P&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport&apos;s issuing state %1 has no ISO 3166 country code: choose the issuing country by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport number&apos;s check digit does not match: compare the number with the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nationality %1 has no ISO 3166 country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone gives no whole date of birth: enter it from the passport&apos;s printed page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth&apos;s check digit does not match: compare the date with the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport gives no sex as M or F: ask the passenger which the airline should record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone gives no valid expiry date: enter it from the passport&apos;s printed page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry date&apos;s check digit does not match: compare the date with the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The personal number&apos;s check digit does not match: the zone may have been mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone&apos;s final check digit does not match: it was probably mistyped or misread; compare it with the passport.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::offerchecks</name>
    <message>
        <source>This offer expired at %1: search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This offer expires in %1 s, too soon to book safely: search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price is no longer guaranteed: search again for a current price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallet holds %1 but the offer costs %2; amounts are never converted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallet has %1 available but this booking costs %2: top up the wallet first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::rules</name>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 50 characters; this has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, spaces, hyphens and apostrophes only, as in the passport (&quot;%1&quot; is not allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name needs at least one letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airlines match the passport&apos;s machine-readable spelling, which has no accents: check the passport and consider &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airlines match the passport&apos;s machine-readable spelling: enter the name in Latin letters exactly as printed in the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 1988-04-17.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a calendar date: check the day and the month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the year: this passenger would be over 120.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &quot;m&quot; or &quot;f&quot;, as on the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one of mr, ms, mrs, miss, dr — or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use international E.164 format with no spaces or punctuation: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use international E.164 format: &quot;+&quot;, the country code and the number, at most 15 digits (e.g. +2348012345678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be a phone number: check the country code and the number of digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a known number for its country: check it with the passenger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use capital letters, as in the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passport number has 5 to 15 letters A–Z and digits, no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 3166-1 two-letter country code (e.g. NG, GB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a real date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport expires on %1, before the trip ends on %2: the passenger needs a valid passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport expires less than six months after departure; many countries refuse entry then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the space or line break at the start or end of this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use plain spaces only: line breaks, tabs and special spaces are not allowed in a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot contain spaces or line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui</name>
    <message>
        <source>Book flights for travel agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run against the built-in offline sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the outcome of the next booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: shrink every waiting time by this factor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::AirportModel</name>
    <message>
        <source>%1 · %2 · %3 (%4)</source>
        <extracomment>Airport completion: %1 IATA code, %2 city, %3 airport name, %4 country code.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <extracomment>Column header: the three-letter IATA airport code.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airport</source>
        <extracomment>Column header: the airport&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::CancelDialog</name>
    <message>
        <source>Booking %1 %2</source>
        <extracomment>%1 is a booking reference or an order id, %2 what the booking cost (may be empty).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching a cancellation quote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is cancelled until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (the booking&apos;s total is not known here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the cancellation confirmed earlier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is sent again with the same key, so it is refunded once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this booking?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund goes back to the agency&apos;s wallet. Nothing is cancelled until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quote expired before it was confirmed. Nothing was cancelled; get a new quote to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 (until %3)</source>
        <extracomment>Time left to confirm the quote, minutes:seconds, then the local time it ends.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent once with this cancellation&apos;s own key: whatever the network does, it is refunded once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking is cancelled. %1 was refunded to the wallet.</source>
        <extracomment>%1 the refund, e.g. &quot;371.07 EUR&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused to cancel it: %1
Nothing changed.</source>
        <extracomment>%1 is the provider&apos;s reason.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quote expired before it was confirmed. Nothing was cancelled; get a new quote to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s answer is not known yet: %1
It is kept in the journal and resumed later with the same key. Do not cancel it again elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cancelled: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cancellation stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::CheckoutPage</name>
    <message>
        <source>Sold by %1</source>
        <extracomment>%1 the airline selling the offer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1</source>
        <extracomment>%1 the amount with its currency, e.g. 412.30 EUR.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix 1 field for passenger %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix %1 fields for passenger %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an offer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking in progress: the form is locked until the booking finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to book for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not created yet</source>
        <extracomment>Shown where the order id will be, before the provider has created the order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idempotency key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A flight&apos;s duration: %1 hours, %2 minutes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3 %4</source>
        <extracomment>One flight of the offer: origin code and city → destination code and city.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4 · %5</source>
        <extracomment>%1 the departure&apos;s local date, %2 departure time and zone (&quot;09:00 WAT&quot;), %3 arrival time and zone (&quot;06:15 WAT +1&quot; when it lands on a later local day), %4 duration, %5 &quot;direct&quot; or the number of stops. Each time is the airport&apos;s local time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked with %1, PNR %2</source>
        <extracomment>A ticketed booking: %1 the provider&apos;s name, %2 the airline booking reference (PNR).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, order %1</source>
        <extracomment>After &quot;Booked with …, PNR …&quot;: %1 the provider&apos;s order id.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNR %1</source>
        <extracomment>The order of a provider whose order id is the PNR (Travomatrix): %1 the PNR.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <extracomment>%1 the provider&apos;s order id, e.g. ord_0001.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the offer has expired — search again.</source>
        <extracomment>The offer&apos;s time ran out; the agent must search again.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the offer expires in %1 s — too soon to book; search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer expires in %1</source>
        <extracomment>%1 is a countdown such as 12:34 (minutes:seconds).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price guarantee: the price is confirmed when booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the price is no longer guaranteed — search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the price guarantee ends in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price guaranteed for %1</source>
        <extracomment>%1 is a countdown such as 9:59 (minutes:seconds).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet balance not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the wallet holds %1 but the offer costs %2; amounts are never converted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the wallet has %1, %2 short of the total — top up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet: %1 available, covers %2</source>
        <extracomment>%1 the wallet&apos;s balance, %2 the offer&apos;s total.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::CheckoutTab</name>
    <message>
        <source>Passenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This checkout cannot be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ✓ %2</source>
        <extracomment>Tab title of a booked checkout; %1 is the route, %2 the booking reference.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (booking…)</source>
        <extracomment>Tab title while a booking is being processed; %1 is the route.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still processing: the airline is taking longer than usual. You can keep working in other tabs; this one updates by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the offer and the wallet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been booked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is sent once; if the network fails it is retried with the same key, so it cannot be booked twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking created. Asking the airline to issue tickets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the airline to confirm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1. This usually takes under a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking did not go through, no charge was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The airline declined order %1 and the payment was reversed. Search again to book this route; every passenger is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This offer can no longer be booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallet does not cover this booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up the demo wallet, then the booking continues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up the wallet in the agency portal, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying is safe: the same booking is sent again with the same key and cannot be charged twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some details need fixing. Nothing was booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passenger %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2</source>
        <extracomment>Time since the booking was sent, minutes:seconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a ticketed booking has an itinerary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save itinerary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Itinerary saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked: this checkout is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking was sent; it can only continue as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This checkout is closed. Search again to book this trip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking was sent and stopped; support settles it. Do not book it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ticketed.</source>
        <extracomment>%1 &quot;Order ord_0001&quot; or, when the order id is the PNR, &quot;PNR RZPVAB&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: the provider&apos;s answer is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not settled: contact support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tab still updates if the airline answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the booking&apos;s key first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent. Close this tab and try again once the order journal can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This checkout cannot be saved, so it cannot be booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the order journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking&apos;s key is stored before anything is sent; nothing has been sent yet. The window stays usable meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticketed. Reading the e-tickets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <extracomment>Tab title of a booking that was cancelled afterwards; %1 is the route.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking was cancelled and refunded to the wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: this checkout is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The travellers were not saved: %1</source>
        <extracomment>%1 why, from the profiles&apos; file.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 traveller saved: typing the name in a passenger card offers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 travellers saved: typing a name in a passenger card offers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their passports were not kept: the system keychain is not available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::ContactDialog</name>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking %1: the new details are sent to the airline&apos;s order.</source>
        <extracomment>%1 is a booking reference or an order id.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed, so nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the new contact details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The order&apos;s contact details are now %1, %2.</source>
        <extracomment>%1 the e-mail, %2 the phone the order has now.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 was changed by someone else to %2; yours is %3.</source>
        <extracomment>%1 &quot;e-mail&quot; or &quot;phone&quot;, %2 the value someone else saved, %3 the agent&apos;s.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. Choose whose to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs were kept; nothing else was left to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused these details; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs were kept; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::Desktop</name>
    <message>
        <source>%1; bookings cannot start until it is back. Fix it in File → Settings.</source>
        <extracomment>%1 says which database and why, e.g. &quot;The agency journal postgresql://desk@db:5432/ agency cannot be reached: connection refused&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agency journal %1 cannot be used: %2; bookings cannot start until it is fixed. Fix it in File → Settings.</source>
        <extracomment>%1 the database&apos;s URL, %2 why it cannot be used.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlightDesk could not start its connection: %1 Open File → Settings to fix it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a booking server yet: this is the offline demo. Set up the connection in File → Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order journal could be read by other users of this computer; it is now private to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching without %1 Fix it in File → Settings.</source>
        <extracomment>%1 one line per provider: its name and why it could not be connected.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. Demo mode keeps using the offline sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. They apply once the bookings in progress are done and FlightDesk starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the agency journal %1…</source>
        <extracomment>%1 the agency database&apos;s URL (no password).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::FieldMessage</name>
    <message>
        <source>Error: %1</source>
        <extracomment>Prefix of a problem that blocks booking, shown next to a field.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <extracomment>Prefix of a problem the agent should check but that does not block booking.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::LocalTime</name>
    <message>
        <source>see the airline</source>
        <extracomment>Instead of a flight time the airline did not give.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::MainWindow</name>
    <message>
        <source>%1 — DEMO</source>
        <extracomment>Window title in demo mode; %1 is the application name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resumed %n unfinished booking(s) from the last session.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Close this checkout?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking is still being processed. Closing the tab does not cancel it: the order stays safe in the journal and FlightDesk picks it up again at the next start or from the Orders page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit FlightDesk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) are still being processed. They stay safe in the journal and continue when FlightDesk starts again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next booking&apos;s &amp;outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy path: ticketed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airline rejects (payment reversed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow airline (still processing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost webhook (found by polling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never resolves (contact support)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet too low (top up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer about to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flaky network (retries, one booking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the next booking will go: %1</source>
        <extracomment>%1 is the demo scenario&apos;s description.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About FlightDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlightDesk %1
A checkout for travel agents that never books or charges twice.</source>
        <extracomment>%1 is the version number.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlightDesk is not connected to a booking server. Open File → Settings to enter the API address and key, or use the launcher&apos;s &quot;Demo mode&quot; to try it offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booked %1</source>
        <extracomment>%1 is a booking reference, e.g. &quot;TB7Q2X&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order %1 failed</source>
        <extracomment>%1 is an order id; the airline declined it, nothing was charged.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a booking needs support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While FlightDesk was closed: %1.</source>
        <extracomment>%1 lists what happened, e.g. &quot;booked TB7Q2X, order ord_12 failed&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: offline sandboxes of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <extracomment>%1 a booking provider&apos;s name, %2 its sandbox&apos;s address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <extracomment>The schedule-change queue&apos;s tab, while nothing waits in it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue (%1)</source>
        <extracomment>The schedule-change queue&apos;s tab; %1 is how many changes wait in it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::OffersModel</name>
    <message>
        <source>direct</source>
        <extracomment>Stops of one flight: none.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A flight&apos;s duration: %1 hours, %2 minutes (the same words as on the checkout page).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Departure cell: %1 airport code, %2 the airport&apos;s local date, time and zone such as &quot;Thu 10 Dec 09:00 WAT&quot;.
----------
Arrival cell: %1 airport code, %2 the airport&apos;s local time and zone, with &quot;+1&quot; when it lands on a later local day than it left (&quot;06:15 WAT +1&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbound %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>return %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>The offer&apos;s time ran out; it can no longer be booked.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — too late</source>
        <extracomment>%1 a countdown (0:45). The provider refuses offers this close to expiry.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours %2 minutes</source>
        <extracomment>Spoken duration: %1 hours and %2 minutes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offer expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid for %1 minutes %2 seconds</source>
        <extracomment>Spoken: how long the offer can still be booked.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the offer can still be booked. Offers in their last minute are refused by the provider: search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <extracomment>Column header: the airline selling the offer, and its flight numbers.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total price</source>
        <extracomment>Column header: the offer&apos;s total for every passenger.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for</source>
        <extracomment>Column header: time left before the offer expires.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold by %1</source>
        <extracomment>Tooltip line: %1 the booking provider selling the offer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sold by %1</source>
        <extracomment>Spoken: the provider selling the offer, e.g. &quot;sold by Travomatrix&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking provider selling the offer: the booking is made with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking provider</source>
        <extracomment>Spoken name of the Provider column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <extracomment>Column header: the booking provider selling the offer (Travelbase, Travomatrix).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>departs %1 (%2) %3 at %4</source>
        <extracomment>Spoken: departs Lagos (LOS) Thursday 10 December 2026 at 09:00 WAT (the airport&apos;s local time and zone).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrives %1 (%2) %3 at %4</source>
        <extracomment>Spoken: arrives London (LHR) Thursday 10 December 2026 at 14:30 GMT (the airport&apos;s local time and zone).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are each airport&apos;s local time, with its zone; &quot;+1&quot; marks an arrival on a later day than the departure. A return trip shows the way back on the second line.</source>
        <extracomment>Header tooltip of the time columns.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departs</source>
        <extracomment>Column header: departure airport and its local date and time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrives</source>
        <extracomment>Column header: arrival airport and its local time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::OrdersModel</name>
    <message>
        <source>State</source>
        <extracomment>Timeline event kind: the checkout entered a new state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <extracomment>Timeline event kind: one HTTP request to the provider.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <extracomment>Timeline event kind: a notification pushed by the provider.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered “%1”</source>
        <extracomment>%1 is the new state, e.g. &quot;Ticketed&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (was “%1”)</source>
        <extracomment>%1 is the previous state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, by webhook %1</source>
        <extracomment>%1 is a webhook event id, e.g. evt_0003.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, replacing intent #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, during %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 %3 → %4</source>
        <extracomment>One HTTP attempt: %1 attempt number, %2 method, %3 path, %4 HTTP status or &quot;no answer&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (replayed by the provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · retry in %1 s</source>
        <extracomment>%1 is a number of seconds, e.g. 1.5.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1</source>
        <extracomment>%1 is the webhook event id, e.g. evt_0003.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (order %1)</source>
        <extracomment>%1 is the order status the webhook reported.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <extracomment>Orders table column: when the checkout started.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <extracomment>Orders table column: the airline booking reference (PNR), e.g. RZPVAB.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booked with %1</source>
        <extracomment>Spoken: the provider the order was booked with.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking provider</source>
        <extracomment>Spoken name of the orders table&apos;s Provider column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <extracomment>Orders table column: the booking provider (Travelbase, Travomatrix).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 · %3</source>
        <extracomment>One flight of a booking: %1 origin code, %2 destination code, %3 its local date, times and duration (&quot;Thu 10 Dec 2026 · 09:00 WAT → 14:30 GMT · …&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departs</source>
        <extracomment>Orders table column: the first flight&apos;s departure, in its airport&apos;s local time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::OrdersPage</name>
    <message>
        <source>All orders</source>
        <extracomment>Status filter of the orders history.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticketed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <extracomment>Filter: interrupted, unresolved, error or insufficient funds, or a cancellation in progress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order journal cannot be read: %1</source>
        <extracomment>%1 explains why, e.g. the file is locked or damaged.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders yet. Each booking appears here as soon as Book is pressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order matches this filter and search. Choose “All orders” or clear the search to see every order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an order to see its details and timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <extracomment>Shown instead of the order id before the provider created the order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continues with the same idempotency key, so it can never book twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order is finished: nothing to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent for this checkout yet: there is nothing to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <extracomment>Shown on a Copy button for a moment after it was pressed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a booking whose order exists and has not ended (ticketed or being ticketed) can be cancelled or changed.</source>
        <extracomment>Why Cancel booking… and Change contact details… are not available.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::PassengerForm</name>
    <message>
        <source>Adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child (2–11)</source>
        <extracomment>Passenger type; the ages are those of the airline contract.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infant on lap (under 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <extracomment>No title chosen (the title is optional).
----------
No gender chosen yet.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mrs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female (f)</source>
        <extracomment>Gender as on the passport; the contract&apos;s value is in brackets.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth, YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone, international format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport issuing country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport expiry date, YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passenger %1 · %2</source>
        <extracomment>Heading of one passenger&apos;s form: %1 the number in the offer, %2 the type.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, passenger %2</source>
        <extracomment>Accessible name of an input: %1 the field, %2 the passenger&apos;s number.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport machine-readable zone, two lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the fields from the machine-readable zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled from the machine-readable zone; its check digits match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::PlaceCompleter</name>
    <message>
        <source>%1 — any airport (%2), %3</source>
        <extracomment>A city&apos;s completion: %1 the city, %2 its code, %3 its country.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3), %4</source>
        <extracomment>An airport&apos;s completion: %1 its city, %2 its short name, %3 its code, %4 its country.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfileCompleter</name>
    <message>
        <source>Saved travellers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passport saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passport sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — born %2, %3</source>
        <extracomment>A saved traveller offered in a passenger card: %1 the name, %2 the date of birth, %3 &quot;passport saved&quot;, &quot;passport sealed&quot; or &quot;no passport&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfileEditDialog</name>
    <message>
        <source>The saved passport is sealed and its key is not available on this desk: it is kept as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <extracomment>%1 the store&apos;s reason, in English.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfilesDialog</name>
    <message>
        <source>No traveller profiles are saved yet: they are saved from a booking&apos;s passengers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traveller profiles are not kept on this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the traveller profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traveller profiles could not be read: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No traveller profile matches “%1”.</source>
        <extracomment>%1 what the agent typed in the Find field.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile of %1 was saved.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete traveller profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile of %1? Their details and any saved passport are removed from this desk. Bookings already made keep their passengers.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was not deleted: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile of %1 was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That profile had already been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the passport saved with the profile of %1? The rest of the profile stays; the passport will have to be typed again for their next booking.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasing the passport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport was not erased: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport of %1 was erased.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export traveller profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the traveller profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 profile exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 profiles exported to %2.</source>
        <extracomment>%1 how many (0, or 2 or more), %2 the file.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport numbers are in the file: keep it safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfilesModel</name>
    <message>
        <source>Saved</source>
        <extracomment>Passport column: a passport is stored and can be read on this desk.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed (key not available)</source>
        <extracomment>Passport column: one is stored, sealed, but the key (system keychain) is not at hand, so it cannot be read or used.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <extracomment>Passport column: no passport is kept for this traveller.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport stored sealed; the key to read it is not available on this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passport kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <extracomment>%1 a date and time in the desk&apos;s time zone.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Column: the traveller&apos;s given and family names.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born</source>
        <extracomment>Column: the date of birth, YYYY-MM-DD.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <extracomment>Column: the traveller&apos;s e-mail address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <extracomment>Column: the phone number, international format.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <extracomment>Column: whether a passport is kept (saved, sealed or none).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <extracomment>Column: when the profile last changed, in the desk&apos;s time zone.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::ScheduleQueueModel</name>
    <message>
        <source>%1 → %2</source>
        <extracomment>Departure → arrival, each in its airport&apos;s local time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <extracomment>Column: the booking reference (PNR) and order id.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight</source>
        <extracomment>Column: flight number and route, e.g. &quot;BA76 LOS → LHR&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was</source>
        <extracomment>Column: the times as booked, in each airport&apos;s local time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>Column: the times the airline has now, in each airport&apos;s local time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <extracomment>Column: when the desk learned of the change.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::ScheduleQueuePage</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected change off the queue, once the passenger has been told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedule changes to work. Changes the airlines make to booked flights appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n schedule change(s) to work, oldest first. Tell the passengers, then acknowledge each one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::ui::SearchPage</name>
    <message>
        <source>Enter a route and dates, then press Enter or Search.</source>
        <extracomment>The status line before the first search.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Economy</source>
        <extracomment>Cabin classes, as the provider names them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium economy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <extracomment>Date format of the departure and return date inputs.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Confirms the airport picked: %1 its name, %2 its country.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the airport to fly from: its code (LOS), city or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the airport to fly to: its code (LHR), city or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has several airports (%2): pick one from the list or type its code.</source>
        <extracomment>%1 a city, %2 its airport codes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No airport matches &quot;%1&quot;: type a three-letter code, a city or an airport name and pick it from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not searched yet. %1</source>
        <extracomment>%1 lists what is wrong, one sentence per problem.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>A route in the status line: origin code → destination code.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <extracomment>Shown from the moment Search is pressed until the providers answer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No offers for %1 on those dates: try other dates, another airport or fewer passengers.</source>
        <extracomment>%1 the route, e.g. LOS → LHR.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 offer for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offers for %2.</source>
        <extracomment>%1 the number of offers, %2 the route.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one and press Enter, or double-click it, to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking server refused the API key (%1). Check the API key in Settings, then search again.</source>
        <extracomment>%1 the provider&apos;s answer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the booking server at %1 (%2). Check the API base URL in Settings and the network connection, then search again.</source>
        <extracomment>%1 the server address, %2 what went wrong.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking server is having trouble and did not answer the search (%1). Search again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking server did not accept the search: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an offer in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That offer expires in less than a minute, too soon to book: search again for fresh offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1 — %2</source>
        <extracomment>The offer about to be chosen: %1 carrier and flights, %2 total price.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (attempt %1, the server is slow to answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching %1… %2 s%3</source>
        <extracomment>%1 the route, %2 seconds since Search was pressed, %3 empty or the retry attempt.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A provider&apos;s failure among several: %1 its name, %2 what went wrong and the fix.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1.</source>
        <extracomment>%1 the providers that have not answered yet, e.g. &quot;Travelbase, Travomatrix&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking server failed and asked not to retry (%1). Search again later; if it keeps failing, contact %2 support.</source>
        <extracomment>%1 what went wrong, %2 the provider&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1 — %2, sold by %3</source>
        <extracomment>The offer about to be chosen: %1 carrier and flights, %2 total price, %3 the provider selling it (the same trip may be sold by several).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is searched as typed: the provider could not be asked for its airports (offline?), and this desk&apos;s own list does not have it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is searched as typed: no airport list this desk has names it; the provider says if it does not fly there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin and destination are the same airport (%1): pick another destination.</source>
        <extracomment>%1 is an airport code.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a departure date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The departure date is in the past: pick %1 or later.</source>
        <extracomment>%1 is today&apos;s date.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return date is before the departure: pick %1 or later, or choose one way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one adult must travel: children and infants fly with an adult.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each infant travels on an adult&apos;s lap: %1 infants need at least %1 adults, not %2.</source>
        <extracomment>Lap infants: each needs an adult&apos;s lap. %1 the number of infants, %2 of adults.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 passengers fit in one booking (%2 chosen): split the group into two searches.</source>
        <extracomment>%1 the maximum per booking, %2 the number chosen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::SettingsDialog</name>
    <message>
        <source>&amp;Hide</source>
        <extracomment>Toggle of a password field; &amp;Hide / Sho&amp;w keep their shortcut letters apart.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http is allowed only to this computer (localhost, 127.0.0.1): the key and passenger data would travel readable. Use %1</source>
        <extracomment>%1 is the same address with https, e.g. https://api.example.com</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it as IP address:port, e.g. 127.0.0.1:8787 or 0.0.0.0:8787.</source>
        <extracomment>HOST must be an IP address of this computer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required with a listen address: the provider signs every webhook with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <extracomment>Prefix of a problem shown under a settings field.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1.00 is real time. For training, a smaller value shortens every wait of the checkout (0.10 runs ten times faster); HTTP timeouts stay as set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training speed: every wait of the checkout runs %1 times faster than real time. Set 1.00 before booking for real customers.</source>
        <extracomment>%1 is how many times faster, e.g. 10.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <extracomment>Shown in a secret field while the system keychain is being asked for it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the agency portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved value cannot be read: %1 Enter it again to replace it.</source>
        <extracomment>%1 says why, e.g. the keychain is locked.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: saved in a file readable only by you: %1. The system keychain was not available; saving again moves it there when it is.</source>
        <extracomment>%1 is a file path. Shown as a warning: the keychain was not available.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API key first: it is in the agency portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <extracomment>%1 is the API base URL.
----------
%1 is the database URL.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. Wallet: %1 %2</source>
        <extracomment>%1 amount with thousands separators, %2 currency, e.g. 1,500.00 EUR.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key was refused: check it in the agency portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: check the URL. FlightDesk never ignores certificate errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: check the URL and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a problem right now (HTTP %2): try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request: check the URL and the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <extracomment>Second line of a failed connection test: the technical detail, for support.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the fields marked above, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available, so the %1 cannot be kept there.

%2

FlightDesk can save it in a file that only your user account can read:
%3

Anyone who can use your account, or read its backups, can read that file. Save it there?</source>
        <extracomment>%1 e.g. &quot;Travelbase API key&quot; or &quot;webhook secret&quot;, %2 why the keychain failed, %3 a file path.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the %1 in a file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save in a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 was not saved: enter it again when the system keychain is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <extracomment>%1 explains what failed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can be reached from other computers. Tick &quot;Accept webhooks from other computers&quot; to allow that, or use 127.0.0.1.</source>
        <extracomment>%1 is the address typed, e.g. 0.0.0.0. The checkbox label is quoted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1</source>
        <extracomment>%1 is a booking provider, e.g. Travelbase.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 API key</source>
        <extracomment>%1 is a booking provider, e.g. Travelbase.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the %1 API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: the address of the %1 API, e.g. %2</source>
        <extracomment>%1 is a booking provider, e.g. Travelbase; %2 an example address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a full URL: write it like %1</source>
        <extracomment>%1 is an example address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but it is not the %2 API (404 for its wallet): check the URL.</source>
        <extracomment>%1 is the API base URL, %2 a booking provider, e.g. Travelbase.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agency database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: the address of the agency database, e.g. %1</source>
        <extracomment>%1 is an example address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the password out of the URL and type it in the Password field: it is kept in the system keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it as a postgresql:// URL, e.g. %1</source>
        <extracomment>%1 is an example address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a usable database URL: %1</source>
        <extracomment>%1 says what is wrong with it (in English).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: PGPASSWORD or ~/.pgpass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <extracomment>%1 why, in one line, e.g. &quot;The agency journal ... cannot be reached: ...&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: schema v%1, 1 order</source>
        <extracomment>%1 the journal&apos;s schema version, %2 how many orders it holds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: schema v%1, %2 orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <extracomment>The language choice that follows the computer&apos;s: %1 that language&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::ui::WalletStatus</name>
    <message>
        <source>Wallet balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 a provider&apos;s name, %2 its wallet&apos;s balance, e.g. &quot;4,632.93 EUR&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet: %1</source>
        <extracomment>The status bar&apos;s wallet balances, e.g. &quot;Wallet: Travelbase 4,632.93 EUR&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::validation</name>
    <message>
        <source>An adult must be 12 or older on the day of departure; this passenger will be %1. Book a child ticket instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A child must be 2 to 11 on the day of departure; this passenger will be %1. Book an infant ticket instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A child must be 2 to 11 on the day of departure; this passenger will be %1. Book an adult ticket instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An infant without a seat must be under 2 on the day of departure; this passenger will be %1. Book a child ticket instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route crosses a border: enter the passenger&apos;s passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter exactly one passport for each passenger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a passport is accepted (type &quot;passport&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use adult, child or infant_without_seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offer has passenger %1 as %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one passenger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offer is for %1 passenger(s) but %2 were entered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
