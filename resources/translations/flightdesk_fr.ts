<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel booking</source>
        <translation>Annuler la réservation</translation>
    </message>
    <message>
        <source>Cancellation status</source>
        <translation>État de l&apos;annulation</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>Refund to the wallet:</source>
        <translation>Remboursement sur le portefeuille&#xa0;:</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Not refunded:</source>
        <translation>Non remboursé&#xa0;:</translation>
    </message>
    <message>
        <source>Not refunded</source>
        <translation>Non remboursé</translation>
    </message>
    <message>
        <source>Quote valid for:</source>
        <translation>Devis valable encore&#xa0;:</translation>
    </message>
    <message>
        <source>Time left to confirm this quote</source>
        <translation>Temps restant pour confirmer ce devis</translation>
    </message>
    <message>
        <source>Get a &amp;new quote</source>
        <translation>Obtenir un &amp;nouveau devis</translation>
    </message>
    <message>
        <source>&amp;Keep booking</source>
        <translation>&amp;Conserver la réservation</translation>
    </message>
    <message>
        <source>&amp;Confirm cancellation</source>
        <translation>Confirmer l&apos;&amp;annulation</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Time and payment</source>
        <translation>Délais et paiement</translation>
    </message>
    <message>
        <source>Why Book is not available</source>
        <translation>Pourquoi «&#xa0;Réserver&#xa0;» n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>Book this offer for these passengers (Ctrl+Return)</source>
        <translation>Réserver cette offre pour ces passagers (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Support details</source>
        <translation>Informations pour le support</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Clé d&apos;idempotence</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>ID de commande</translation>
    </message>
    <message>
        <source>Copy the support details</source>
        <translation>Copier les informations pour le support</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>Ré&amp;server</translation>
    </message>
    <message>
        <source>Copy for s&amp;upport</source>
        <translation>Copier pour le s&amp;upport</translation>
    </message>
</context>
<context>
    <name>CheckoutTab</name>
    <message>
        <source>Booking status</source>
        <translation>État de la réservation</translation>
    </message>
    <message>
        <source>Time since the booking was sent</source>
        <translation>Temps écoulé depuis l&apos;envoi de la réservation</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>E-tickets</source>
        <translation>Billets électroniques</translation>
    </message>
    <message>
        <source>&amp;Retry safely</source>
        <translation>Réessayer en &amp;toute sécurité</translation>
    </message>
    <message>
        <source>&amp;Top up wallet (demo)</source>
        <translation>Rechar&amp;ger le portefeuille (démo)</translation>
    </message>
    <message>
        <source>&amp;Check the wallet again and book</source>
        <translation>&amp;Vérifier à nouveau le portefeuille et réserver</translation>
    </message>
    <message>
        <source>&amp;Print itinerary…</source>
        <translation>&amp;Imprimer l&apos;itinéraire…</translation>
    </message>
    <message>
        <source>Search a&amp;gain</source>
        <translation>Nouvelle rec&amp;herche</translation>
    </message>
    <message>
        <source>Sa&amp;ve itinerary as PDF…</source>
        <translation>Enregistrer l&apos;itinéraire en &amp;PDF…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel booking…</source>
        <translation>A&amp;nnuler la réservation…</translation>
    </message>
    <message>
        <source>Copy order &amp;id</source>
        <translation>C&amp;opier l&apos;ID de commande</translation>
    </message>
    <message>
        <source>Save &amp;travellers…</source>
        <translation>Enregistrer les &amp;voyageurs…</translation>
    </message>
    <message>
        <source>Keep these passengers as traveller profiles for their next booking</source>
        <translation>Garder ces passagers comme profils voyageurs pour leur prochaine réservation</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Change contact details</source>
        <translation>Modifier les coordonnées</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Phone, international format</source>
        <translation>Téléphone, format international</translation>
    </message>
    <message>
        <source>+2348031234567</source>
        <translation>+2348031234567</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>Use &amp;mine</source>
        <translation>Utiliser &amp;ma valeur</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Garder &amp;leur valeur</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>En&amp;registrer</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FlightDesk</source>
        <translation>FlightDesk</translation>
    </message>
    <message>
        <source>Demo mode banner</source>
        <translation>Bandeau du mode démo</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Pages and checkouts</source>
        <translation>Pages et parcours de réservation</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Démo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;New search</source>
        <translation>&amp;Nouvelle recherche</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Commandes</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Close checkout</source>
        <translation>&amp;Fermer le parcours de réservation</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About FlightDesk</source>
        <translation>À &amp;propos de FlightDesk</translation>
    </message>
    <message>
        <source>DEMO — bookings go to the built-in offline sandboxes. Nothing is charged.</source>
        <translation>DÉMO — les réservations partent vers les bacs à sable hors ligne intégrés. Rien n&apos;est débité.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Réessa&amp;yer</translation>
    </message>
    <message>
        <source>Connect again with the saved settings</source>
        <translation>Se reconnecter avec les paramètres enregistrés</translation>
    </message>
    <message>
        <source>Traveller &amp;profiles…</source>
        <translation>Profils &amp;voyageurs…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Show orders by status</source>
        <translation>Afficher les commandes par état</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>R&amp;echercher&#xa0;:</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Rechercher des commandes</translation>
    </message>
    <message>
        <source>Booking reference, order id or passenger name</source>
        <translation>Référence de réservation, ID de commande ou nom du passager</translation>
    </message>
    <message>
        <source>Read the order journal again (F5)</source>
        <translation>Relire le journal des commandes (F5)</translation>
    </message>
    <message>
        <source>Order details</source>
        <translation>Détails de la commande</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Booking reference:</source>
        <translation>Référence de réservation&#xa0;:</translation>
    </message>
    <message>
        <source>Order id:</source>
        <translation>ID de commande&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <source>Copy the order id</source>
        <translation>Copier l&apos;ID de commande</translation>
    </message>
    <message>
        <source>Idempotency key:</source>
        <translation>Clé d&apos;idempotence&#xa0;:</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>Copy the idempotency key</source>
        <translation>Copier la clé d&apos;idempotence</translation>
    </message>
    <message>
        <source>Replaces key:</source>
        <translation>Remplace la clé&#xa0;:</translation>
    </message>
    <message>
        <source>Passengers:</source>
        <translation>Passagers&#xa0;:</translation>
    </message>
    <message>
        <source>E-tickets:</source>
        <translation>Billets électroniques&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Resume checkout</source>
        <translation>Reprendre la réserva&amp;tion</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Timeline of the selected order</source>
        <translation>Historique de la commande sélectionnée</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Booked with:</source>
        <translation>Réservé via&#xa0;:</translation>
    </message>
    <message>
        <source>Booking provider</source>
        <translation>Fournisseur de réservation</translation>
    </message>
    <message>
        <source>Cancel &amp;booking…</source>
        <translation>A&amp;nnuler la réservation…</translation>
    </message>
    <message>
        <source>Change contact detai&amp;ls…</source>
        <translation>&amp;Modifier les coordonnées…</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Aff&amp;icher&#xa0;:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
</context>
<context>
    <name>PassengerForm</name>
    <message>
        <source>Passenger</source>
        <translation>Passager</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Civilité</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>As in the passport</source>
        <translation>Comme sur le passeport</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>+2348012345678</source>
        <translation>+2348012345678</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <source>Passport MRZ</source>
        <translation>Bande MRZ du passeport</translation>
    </message>
    <message>
        <source>P&lt;NGAOKAFOR&lt;&lt;ADEBAYO&lt;&lt;&lt;… (the two lines under the photo)</source>
        <translation>P&lt;NGAOKAFOR&lt;&lt;ADEBAYO&lt;&lt;&lt;… (les deux lignes sous la photo)</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>Numéro de passeport</translation>
    </message>
    <message>
        <source>A12345678</source>
        <translation>A12345678</translation>
    </message>
    <message>
        <source>Issuing country</source>
        <translation>Pays de délivrance</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Fill from &amp;MRZ</source>
        <translation>Remplir depuis la bande &amp;MRZ</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Edit traveller profile</source>
        <translation>Modifier le profil voyageur</translation>
    </message>
    <message>
        <source>Checked with the same rules as a booking&apos;s passengers: a profile is saved only when a booking could use it.</source>
        <translation>Vérifié avec les mêmes règles que les passagers d&apos;une réservation : un profil n&apos;est enregistré que si une réservation peut l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>En&amp;registrer</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Traveller profiles</source>
        <translation>Profils voyageurs</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Part of a given or family name</source>
        <translation>Début d&apos;un prénom ou d&apos;un nom de famille</translation>
    </message>
    <message>
        <source>Find a traveller by name</source>
        <translation>Rechercher un voyageur par son nom</translation>
    </message>
    <message>
        <source>&amp;Travellers (Enter edits, Delete deletes):</source>
        <translation>&amp;Voyageurs (Entrée modifie, Suppr supprime) :</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Erase &amp;passport…</source>
        <translation>Effacer le &amp;passeport…</translation>
    </message>
    <message>
        <source>Include passport &amp;numbers</source>
        <translation>Inclure les &amp;numéros de passeport</translation>
    </message>
    <message>
        <source>E&amp;xport JSON…</source>
        <translation>E&amp;xporter en JSON…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>ProviderSection</name>
    <message>
        <source>E&amp;nabled: search and book with this provider</source>
        <translation>Acti&amp;vé&#xa0;: rechercher et réserver avec ce fournisseur</translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation>URL de &amp;base de l&apos;API&#xa0;:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé d&apos;API&#xa0;:</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Asks the provider&apos;s server for the wallet balance with the values entered above</source>
        <translation>Demande au serveur du fournisseur le solde du portefeuille avec les valeurs saisies ci-dessus</translation>
    </message>
</context>
<context>
    <name>SaveTravellersDialog</name>
    <message>
        <source>Save travellers</source>
        <translation>Enregistrer les voyageurs</translation>
    </message>
    <message>
        <source>Keep these travellers for their next booking: name, date of birth, gender, title and contact details. Typing a name in a passenger card then offers them.</source>
        <translation>Garder ces voyageurs pour leur prochaine réservation : nom, date de naissance, sexe, civilité et coordonnées. Saisir un nom dans une fiche passager les propose ensuite.</translation>
    </message>
    <message>
        <source>Travellers to save</source>
        <translation>Voyageurs à enregistrer</translation>
    </message>
    <message>
        <source>Also keep passport &amp;numbers and expiry dates (encrypted, erasable)</source>
        <translation>Garder aussi les &amp;numéros et dates d&apos;expiration des passeports (chiffrés, effaçables)</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Flight search</source>
        <translation>Recherche de vols</translation>
    </message>
    <message>
        <source>Search flights</source>
        <translation>Rechercher des vols</translation>
    </message>
    <message>
        <source>From: departure airport</source>
        <translation>Origine&#xa0;: aéroport de départ</translation>
    </message>
    <message>
        <source>Airport code or city, e.g. LOS or Lagos</source>
        <translation>Code d&apos;aéroport ou ville, p. ex. LOS ou Lagos</translation>
    </message>
    <message>
        <source>Swap origin and destination</source>
        <translation>Inverser l&apos;origine et la destination</translation>
    </message>
    <message>
        <source>⇄</source>
        <translation>⇄</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>Dest&amp;ination</translation>
    </message>
    <message>
        <source>To: arrival airport</source>
        <translation>Destination&#xa0;: aéroport d&apos;arrivée</translation>
    </message>
    <message>
        <source>Airport code or city, e.g. LHR or London Heathrow</source>
        <translation>Code d&apos;aéroport ou ville, p. ex. LHR ou London Heathrow</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Voyage</translation>
    </message>
    <message>
        <source>O&amp;ne way</source>
        <translation>Aller &amp;simple</translation>
    </message>
    <message>
        <source>One way</source>
        <translation>Aller simple</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>Aller-re&amp;tour</translation>
    </message>
    <message>
        <source>Return trip</source>
        <translation>Aller-retour</translation>
    </message>
    <message>
        <source>Ca&amp;bin</source>
        <translation>Ca&amp;bine</translation>
    </message>
    <message>
        <source>Cabin class</source>
        <translation>Classe de cabine</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>Date de départ</translation>
    </message>
    <message>
        <source>Ret&amp;urn</source>
        <translation>R&amp;etour</translation>
    </message>
    <message>
        <source>Return date</source>
        <translation>Date de retour</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Passagers</translation>
    </message>
    <message>
        <source>&amp;Adults</source>
        <translation>Ad&amp;ultes</translation>
    </message>
    <message>
        <source>Adults, 12 years or older</source>
        <translation>Adultes, 12 ans ou plus</translation>
    </message>
    <message>
        <source>Children, 2 to 11 years</source>
        <translation>Enfants, de 2 à 11 ans</translation>
    </message>
    <message>
        <source>&amp;Infants (under 2, on a lap)</source>
        <translation>Bébés (&amp;moins de 2 ans, sur les genoux)</translation>
    </message>
    <message>
        <source>Infants under 2, on an adult&apos;s lap</source>
        <translation>Bébés de moins de 2 ans, sur les genoux d&apos;un adulte</translation>
    </message>
    <message>
        <source>Search for offers (Enter)</source>
        <translation>Rechercher des offres (Enter)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <source>Arrow keys select an offer, Enter chooses it.</source>
        <translation>Les flèches sélectionnent une offre, Entrée la choisit.</translation>
    </message>
    <message>
        <source>&amp;Choose offer</source>
        <translation>Ch&amp;oisir l&apos;offre</translation>
    </message>
    <message>
        <source>Continue to passengers with the selected offer (Enter in the list)</source>
        <translation>Passer aux passagers avec l&apos;offre sélectionnée (Enter dans la liste)</translation>
    </message>
    <message>
        <source>Choose offer</source>
        <translation>Choisir l&apos;offre</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>Ori&amp;gine</translation>
    </message>
    <message>
        <source>Swap origin and destination (Alt+W)</source>
        <translation>Inverser l&apos;origine et la destination (Alt+W)</translation>
    </message>
    <message>
        <source>De&amp;part</source>
        <translation>Dé&amp;part</translation>
    </message>
    <message>
        <source>Chi&amp;ldren (2–11)</source>
        <translation>E&amp;nfants (2–11)</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>Rec&amp;hercher</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation>&amp;Délai d&apos;expiration des requêtes&#xa0;:</translation>
    </message>
    <message>
        <source>Request timeout in seconds</source>
        <translation>Délai d&apos;expiration des requêtes, en secondes</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>Ad&amp;resse d&apos;écoute&#xa0;:</translation>
    </message>
    <message>
        <source>Webhook listen address</source>
        <translation>Adresse d&apos;écoute des webhooks</translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:8787 (empty: no webhooks, poll only)</source>
        <translation>HOST:PORT, p. ex. 127.0.0.1:8787 (vide&#xa0;: pas de webhooks, interrogation périodique uniquement)</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>&amp;Secret&#xa0;:</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Secret des webhooks</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>A&amp;fficher</translation>
    </message>
    <message>
        <source>Show the webhook secret</source>
        <translation>Afficher le secret des webhooks</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Timing sc&amp;ale:</source>
        <translation>Éche&amp;lle de temps&#xa0;:</translation>
    </message>
    <message>
        <source>Timing scale</source>
        <translation>Échelle de temps</translation>
    </message>
    <message>
        <source>Accept webhooks from other com&amp;puters</source>
        <translation>Accepter les &amp;webhooks d&apos;autres ordinateurs</translation>
    </message>
    <message>
        <source>Listen on all network interfaces; the provider must reach this desk</source>
        <translation>Écouter sur toutes les interfaces réseau&#xa0;; le fournisseur doit pouvoir joindre ce poste</translation>
    </message>
    <message>
        <source>Listens on all network interfaces, so the provider (or an agency relay) can reach this desk over the network. Leave it off when webhooks arrive through this computer: the receiver then answers only 127.0.0.1.</source>
        <translation>Écoute sur toutes les interfaces réseau, afin que le fournisseur (ou un relais de l&apos;agence) puisse joindre ce poste par le réseau. Laissez cette option désactivée si les webhooks arrivent par cet ordinateur&#xa0;: le récepteur ne répond alors qu&apos;à 127.0.0.1.</translation>
    </message>
    <message>
        <source>Booking providers</source>
        <translation>Fournisseurs de réservation</translation>
    </message>
    <message>
        <source>How long one request to any provider may take</source>
        <translation>Durée maximale d&apos;une requête vers un fournisseur</translation>
    </message>
    <message>
        <source>Order journal</source>
        <translation>Journal des commandes</translation>
    </message>
    <message>
        <source>Th&amp;is desk only (a file on this computer)</source>
        <translation>Ce p&amp;oste uniquement (un fichier sur cet ordinateur)</translation>
    </message>
    <message>
        <source>A&amp;gency database (PostgreSQL, shared by every desk)</source>
        <translation>Base de données de l&apos;a&amp;gence (PostgreSQL, partagée par tous les postes)</translation>
    </message>
    <message>
        <source>Database &amp;URL:</source>
        <translation>&amp;URL de la base de données&#xa0;:</translation>
    </message>
    <message>
        <source>Agency database URL</source>
        <translation>URL de la base de données de l&apos;agence</translation>
    </message>
    <message>
        <source>postgresql://USER@HOST:5432/DATABASE (no password here)</source>
        <translation>postgresql://USER@HOST:5432/DATABASE (pas de mot de passe ici)</translation>
    </message>
    <message>
        <source>Passwo&amp;rd:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>Agency database password</source>
        <translation>Mot de passe de la base de données de l&apos;agence</translation>
    </message>
    <message>
        <source>Test &amp;database connection</source>
        <translation>Tester la co&amp;nnexion à la base de données</translation>
    </message>
    <message>
        <source>Test the connection to the agency database</source>
        <translation>Tester la connexion à la base de données de l&apos;agence</translation>
    </message>
    <message>
        <source>Takes effect when you save, or when FlightDesk restarts if a booking is in progress. Orders stay in the journal they were booked in: switching does not move them.</source>
        <translation>Prend effet à l&apos;enregistrement, ou au redémarrage de FlightDesk si une réservation est en cours. Les commandes restent dans le journal où elles ont été réservées&#xa0;: changer de journal ne les déplace pas.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Displa&amp;y language:</source>
        <translation>Langue d’&amp;affichage&#xa0;:</translation>
    </message>
    <message>
        <source>Display language</source>
        <translation>Langue d’affichage</translation>
    </message>
    <message>
        <source>FlightDesk shows a new language when it starts again.</source>
        <translation>FlightDesk affiche la nouvelle langue à son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>fd::CancellationState</name>
    <message>
        <source>Cancellation quoted</source>
        <translation>Devis d&apos;annulation reçu</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Annulation en cours</translation>
    </message>
    <message>
        <source>Cancellation unresolved: resume</source>
        <translation>Annulation non résolue&#xa0;: à reprendre</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Not cancellable</source>
        <translation>Non annulable</translation>
    </message>
    <message>
        <source>Cancellation quote expired</source>
        <translation>Devis d&apos;annulation expiré</translation>
    </message>
    <message>
        <source>Cancellation not confirmed</source>
        <translation>Annulation non confirmée</translation>
    </message>
    <message>
        <source>Cancellation error</source>
        <translation>Erreur d&apos;annulation</translation>
    </message>
</context>
<context>
    <name>fd::CheckoutFlow</name>
    <message>
        <source>Some passenger details need fixing; nothing was sent.</source>
        <translation>Certaines informations passager sont à corriger&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Ticketed. Booking reference %1.</source>
        <translation>Billets émis. Référence de réservation %1.</translation>
    </message>
    <message>
        <source>The airline did not confirm the booking; no charge was applied. Search again for this route.</source>
        <translation>La compagnie aérienne n&apos;a pas confirmé la réservation&#xa0;; aucun débit n&apos;a été effectué. Relancez une recherche pour ce trajet.</translation>
    </message>
    <message>
        <source>The airline has not answered for order %1. Contact support with this order id; do not book again.</source>
        <translation>La compagnie aérienne n&apos;a pas répondu pour la commande %1. Contactez le support avec cet ID de commande&#xa0;; ne réservez pas à nouveau.</translation>
    </message>
    <message>
        <source>This booking was already sent; it continues where it left off and will not be sent twice.</source>
        <translation>Cette réservation a déjà été envoyée&#xa0;; elle reprend là où elle s&apos;était arrêtée et ne sera pas envoyée deux fois.</translation>
    </message>
    <message>
        <source>This booking is already being processed; it will not be sent twice.</source>
        <translation>Cette réservation est déjà en cours de traitement&#xa0;; elle ne sera pas envoyée deux fois.</translation>
    </message>
    <message>
        <source>This checkout has already finished.</source>
        <translation>Ce parcours de réservation est déjà terminé.</translation>
    </message>
    <message>
        <source>This booking needs support.</source>
        <translation>Cette réservation nécessite l&apos;intervention du support.</translation>
    </message>
    <message>
        <source>The saved checkout cannot be read.</source>
        <translation>Le parcours de réservation enregistré est illisible.</translation>
    </message>
    <message>
        <source>This booking belongs to %1, not %2; it is not sent from here. Open it where FlightDesk is connected to %1.</source>
        <translation>Cette réservation relève de %1, pas de %2&#xa0;; elle n&apos;est pas envoyée d&apos;ici. Ouvrez-la là où FlightDesk est connecté à %1.</translation>
    </message>
    <message>
        <source>The provider says key %2 was already used for a different request (%1), so a request with it may have booked. Contact support with this key; do not book again until support answers.</source>
        <translation>Le fournisseur indique que la clé %2 a déjà servi pour une autre requête (%1)&#xa0;: une requête portant cette clé a donc pu aboutir à une réservation. Contactez le support avec cette clé&#xa0;; ne réservez pas à nouveau avant sa réponse.</translation>
    </message>
    <message>
        <source>The provider refused the API key (%1). Nothing was booked. Check the API key in Settings, then start this checkout again.</source>
        <translation>Le fournisseur a refusé la clé d&apos;API (%1). Rien n&apos;a été réservé. Vérifiez la clé d&apos;API dans les Paramètres, puis recommencez ce parcours de réservation.</translation>
    </message>
    <message>
        <source>The provider could not check the offer and the wallet (%1). Nothing was booked. Contact support if it happens again.</source>
        <translation>Le fournisseur n&apos;a pas pu vérifier l&apos;offre et le portefeuille (%1). Rien n&apos;a été réservé. Contactez le support si cela se reproduit.</translation>
    </message>
    <message>
        <source>The provider refused this booking and it is not retried (%1). Contact support with key %2 before booking this trip again.</source>
        <translation>Le fournisseur a refusé cette réservation, qui ne sera pas retentée (%1). Contactez le support avec la clé %2 avant de réserver à nouveau ce voyage.</translation>
    </message>
    <message>
        <source>The provider refused a retry (%1), but an earlier attempt may have booked. Resume later: the same key is sent, so it cannot book twice. If it is refused again, contact support with key %2; do not book again.</source>
        <translation>Le fournisseur a refusé une nouvelle tentative (%1), mais une tentative précédente a pu aboutir. Reprenez plus tard&#xa0;: la même clé est envoyée, la réservation ne peut donc pas être faite deux fois. En cas de nouveau refus, contactez le support avec la clé %2&#xa0;; ne réservez pas à nouveau.</translation>
    </message>
    <message>
        <source>The saved checkout cannot be read, so ticketing was not asked for. Contact support; do not book again.</source>
        <translation>Le parcours de réservation enregistré est illisible, l&apos;émission des billets n&apos;a donc pas été demandée. Contactez le support&#xa0;; ne réservez pas à nouveau.</translation>
    </message>
    <message>
        <source>The provider refused to ticket order %1 (%2). Contact support with this order id; do not book again.</source>
        <translation>Le fournisseur a refusé d&apos;émettre les billets de la commande %1 (%2). Contactez le support avec cet ID de commande&#xa0;; ne réservez pas à nouveau.</translation>
    </message>
    <message>
        <source>Another desk took over this booking after this desk stopped renewing its claim; it continues there, with the same key. Nothing more is sent from here.</source>
        <translation>Un autre poste a repris cette réservation après que ce poste a cessé de renouveler sa prise en charge&#xa0;; elle se poursuit là-bas, avec la même clé. Plus rien n&apos;est envoyé d&apos;ici.</translation>
    </message>
    <message>
        <source>The order journal could not be reached for longer than this desk&apos;s claim on the booking lasts (%1), so another desk may now continue it; nothing more is sent from here. Resume it once the journal is back: the same key is used, so it cannot book twice.</source>
        <translation>Le journal des commandes est resté injoignable plus longtemps que ne dure la prise en charge de la réservation par ce poste (%1)&#xa0;: un autre poste peut donc désormais la poursuivre&#xa0;; plus rien n&apos;est envoyé d&apos;ici. Reprenez-la une fois le journal rétabli&#xa0;: la même clé est utilisée, elle ne peut donc pas être réservée deux fois.</translation>
    </message>
    <message>
        <source>The provider created order %1, but the journal could not record it (%2). Do not book again; contact support with order %1 and key %3.</source>
        <translation>Le fournisseur a créé la commande %1, mais le journal n&apos;a pas pu l&apos;enregistrer (%2). Ne réservez pas à nouveau&#xa0;; contactez le support avec la commande %1 et la clé %3.</translation>
    </message>
    <message>
        <source>the journal did not answer</source>
        <translation>le journal n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>on this desk, process %1</source>
        <translation>sur ce poste, processus %1</translation>
    </message>
    <message>
        <source>desk &quot;%1&quot;, process %2</source>
        <translation>poste «&#xa0;%1&#xa0;», processus %2</translation>
    </message>
    <message>
        <source> (%1; if it has stopped, the booking is released at %2)</source>
        <extracomment>%1 where the booking is open; %2 a local time, e.g. 10:42:07.</extracomment>
        <translation> (%1&#xa0;; s&apos;il s&apos;est arrêté, la réservation sera libérée à %2)</translation>
    </message>
    <message>
        <source>This booking is already being handled by another window or process%1; it will not be sent twice.</source>
        <translation>Cette réservation est déjà prise en charge par une autre fenêtre ou un autre processus%1&#xa0;; elle ne sera pas envoyée deux fois.</translation>
    </message>
</context>
<context>
    <name>fd::CheckoutState</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Checking the offer and the wallet</source>
        <translation>Vérification de l&apos;offre et du portefeuille</translation>
    </message>
    <message>
        <source>Passenger details to correct</source>
        <translation>Informations passager à corriger</translation>
    </message>
    <message>
        <source>Insufficient funds</source>
        <translation>Fonds insuffisants</translation>
    </message>
    <message>
        <source>Sending the booking</source>
        <translation>Envoi de la réservation</translation>
    </message>
    <message>
        <source>Interrupted: resume</source>
        <translation>Interrompue&#xa0;: à reprendre</translation>
    </message>
    <message>
        <source>Asking the airline to ticket</source>
        <translation>Demande d&apos;émission à la compagnie aérienne</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>En cours de traitement</translation>
    </message>
    <message>
        <source>Unresolved: contact support</source>
        <translation>Non résolue&#xa0;: contacter le support</translation>
    </message>
    <message>
        <source>Ticketed</source>
        <translation>Billets émis</translation>
    </message>
    <message>
        <source>Failed, no charge</source>
        <translation>Échouée, sans débit</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Offer unavailable</source>
        <translation>Offre indisponible</translation>
    </message>
    <message>
        <source>Rejected by the provider</source>
        <translation>Refusée par le fournisseur</translation>
    </message>
    <message>
        <source>Replaced by a new attempt</source>
        <translation>Remplacée par une nouvelle tentative</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>fd::Money</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un code de devise ISO 4217.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in %2: write a decimal string with exactly %3 digit(s) after the point.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un montant en %2&#xa0;: écrivez une chaîne décimale avec exactement %3 chiffre(s) après le point.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Le montant est trop élevé.</translation>
    </message>
    <message>
        <source>Cannot combine %1 with %2: amounts in different currencies are never converted.</source>
        <translation>Impossible de combiner %1 avec %2&#xa0;: des montants dans des devises différentes ne sont jamais convertis.</translation>
    </message>
</context>
<context>
    <name>fd::Offer</name>
    <message>
        <source>The offer is not usable: %1.</source>
        <translation>L&apos;offre est inutilisable&#xa0;: %1.</translation>
    </message>
    <message>
        <source>it has no &quot;id&quot;</source>
        <translation>elle n&apos;a pas de champ «&#xa0;id&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;expires_at&quot; is not an RFC 3339 UTC time</source>
        <translation>«&#xa0;expires_at&#xa0;» n&apos;est pas une heure UTC au format RFC 3339</translation>
    </message>
    <message>
        <source>&quot;price_guarantee_expires_at&quot; is not an RFC 3339 UTC time</source>
        <translation>«&#xa0;price_guarantee_expires_at&#xa0;» n&apos;est pas une heure UTC au format RFC 3339</translation>
    </message>
    <message>
        <source>it has no slices</source>
        <translation>elle ne contient aucun trajet (slices)</translation>
    </message>
    <message>
        <source>a slice has no valid departure or arrival time</source>
        <translation>un trajet n&apos;a pas d&apos;heure de départ ou d&apos;arrivée valide</translation>
    </message>
    <message>
        <source>it has no passengers</source>
        <translation>elle n&apos;a aucun passager</translation>
    </message>
    <message>
        <source>The cancellation quote has no id, order or refund.</source>
        <translation>Le devis d&apos;annulation n&apos;a pas d&apos;id, de commande ou de remboursement.</translation>
    </message>
    <message>
        <source>The wallet is not usable: %1</source>
        <translation>Le portefeuille est inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>The fare is not usable: %1.</source>
        <translation>Le tarif est inutilisable&#xa0;: %1.</translation>
    </message>
    <message>
        <source>the amount is not a whole number of minor units</source>
        <translation>le montant n&apos;est pas un nombre entier d&apos;unités mineures</translation>
    </message>
    <message>
        <source>it has no &quot;fare_id&quot;</source>
        <translation>il n&apos;a pas de champ «&#xa0;fare_id&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;valid_until&quot; is not an RFC 3339 UTC time</source>
        <translation>«&#xa0;valid_until&#xa0;» n&apos;est pas une heure UTC au format RFC 3339</translation>
    </message>
    <message>
        <source>it has no itineraries</source>
        <translation>il n&apos;a aucun itinéraire</translation>
    </message>
    <message>
        <source>an itinerary has no segments</source>
        <translation>un itinéraire n&apos;a aucun segment</translation>
    </message>
    <message>
        <source>an itinerary has no valid departure or arrival time</source>
        <translation>un itinéraire n&apos;a pas d&apos;heure de départ ou d&apos;arrivée valide</translation>
    </message>
    <message>
        <source>it has no travellers</source>
        <translation>il n&apos;a aucun voyageur</translation>
    </message>
    <message>
        <source>a traveller has no &quot;ref&quot; or no known &quot;type&quot;</source>
        <translation>un voyageur n&apos;a pas de «&#xa0;ref&#xa0;» ou pas de «&#xa0;type&#xa0;» connu</translation>
    </message>
    <message>
        <source>The cancellation quote has no quote_id, pnr or refund.</source>
        <translation>Le devis d&apos;annulation n&apos;a pas de quote_id, de pnr ou de remboursement.</translation>
    </message>
</context>
<context>
    <name>fd::Order</name>
    <message>
        <source>The order has no &quot;id&quot; or &quot;status&quot;.</source>
        <translation>La commande n&apos;a pas de champ «&#xa0;id&#xa0;» ou «&#xa0;status&#xa0;».</translation>
    </message>
    <message>
        <source>The booking has no &quot;pnr&quot; or &quot;status&quot;.</source>
        <translation>La réservation n&apos;a pas de champ «&#xa0;pnr&#xa0;» ou «&#xa0;status&#xa0;».</translation>
    </message>
</context>
<context>
    <name>fd::Passenger</name>
    <message>
        <source>Must be text (a JSON string).</source>
        <translation>Doit être du texte (une chaîne JSON).</translation>
    </message>
    <message>
        <source>Passengers must be a JSON array of passenger objects.</source>
        <translation>Les passagers doivent former un tableau JSON d&apos;objets passager.</translation>
    </message>
    <message>
        <source>Passenger %1 is not a JSON object.</source>
        <translation>Le passager %1 n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>Must be a document object.</source>
        <translation>Doit être un objet document.</translation>
    </message>
    <message>
        <source>Must be a list (a JSON array) of documents.</source>
        <translation>Doit être une liste (un tableau JSON) de documents.</translation>
    </message>
</context>
<context>
    <name>fd::ProviderStatus</name>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Ticketing in progress</source>
        <translation>Émission en cours</translation>
    </message>
    <message>
        <source>Ticketed</source>
        <translation>Billets émis</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
</context>
<context>
    <name>fd::mrz</name>
    <message>
        <source>The name fills the whole machine-readable line and may be cut short: copy the full name from the passport&apos;s printed page.</source>
        <translation>Le nom occupe toute la ligne de la zone MRZ et peut être tronqué&#xa0;: recopiez le nom complet depuis la page imprimée du passeport.</translation>
    </message>
    <message>
        <source>Paste the two lines at the bottom of the passport&apos;s photo page.</source>
        <translation>Collez les deux lignes du bas de la page photo du passeport.</translation>
    </message>
    <message>
        <source>A passport&apos;s machine-readable zone has 2 lines; this has %1.</source>
        <translation>La zone MRZ d&apos;un passeport comporte 2 lignes&#xa0;; celle-ci en a %1.</translation>
    </message>
    <message>
        <source>Line %1 has %2 characters; each line of a passport&apos;s zone has 44. Check that nothing was cut off or added.</source>
        <translation>La ligne %1 compte %2 caractères&#xa0;; chaque ligne de la zone MRZ d&apos;un passeport en compte 44. Vérifiez que rien n&apos;a été coupé ni ajouté.</translation>
    </message>
    <message>
        <source>Line %1 has &quot;%2&quot; at position %3; the zone holds only A–Z, 0–9 and &lt;.</source>
        <translation>La ligne %1 contient «&#xa0;%2&#xa0;» en position %3&#xa0;; la zone ne contient que A–Z, 0–9 et &lt;.</translation>
    </message>
    <message>
        <source>This zone is not a passport&apos;s (it starts with &quot;%1&quot;, not &quot;P&quot;).</source>
        <translation>Cette zone n&apos;est pas celle d&apos;un passeport (elle commence par «&#xa0;%1&#xa0;», pas par «&#xa0;P&#xa0;»).</translation>
    </message>
    <message>
        <source>The passport&apos;s issuing state %1 has no ISO 3166 country code: choose the issuing country by hand.</source>
        <translation>L&apos;État émetteur du passeport, %1, n&apos;a pas de code pays ISO 3166&#xa0;: choisissez le pays de délivrance manuellement.</translation>
    </message>
    <message>
        <source>The passport number&apos;s check digit does not match: compare the number with the passport.</source>
        <translation>Le chiffre de contrôle du numéro de passeport ne correspond pas&#xa0;: comparez le numéro avec le passeport.</translation>
    </message>
    <message>
        <source>The nationality %1 has no ISO 3166 country code.</source>
        <translation>La nationalité %1 n&apos;a pas de code pays ISO 3166.</translation>
    </message>
    <message>
        <source>The zone gives no whole date of birth: enter it from the passport&apos;s printed page.</source>
        <translation>La zone ne donne pas de date de naissance complète&#xa0;: saisissez-la depuis la page imprimée du passeport.</translation>
    </message>
    <message>
        <source>The date of birth&apos;s check digit does not match: compare the date with the passport.</source>
        <translation>Le chiffre de contrôle de la date de naissance ne correspond pas&#xa0;: comparez la date avec le passeport.</translation>
    </message>
    <message>
        <source>The passport gives no sex as M or F: ask the passenger which the airline should record.</source>
        <translation>Le passeport n&apos;indique pas le sexe par M ou F&#xa0;: demandez au passager lequel la compagnie aérienne doit enregistrer.</translation>
    </message>
    <message>
        <source>The zone gives no valid expiry date: enter it from the passport&apos;s printed page.</source>
        <translation>La zone ne donne pas de date d&apos;expiration valide&#xa0;: saisissez-la depuis la page imprimée du passeport.</translation>
    </message>
    <message>
        <source>The expiry date&apos;s check digit does not match: compare the date with the passport.</source>
        <translation>Le chiffre de contrôle de la date d&apos;expiration ne correspond pas&#xa0;: comparez la date avec le passeport.</translation>
    </message>
    <message>
        <source>The personal number&apos;s check digit does not match: the zone may have been mistyped.</source>
        <translation>Le chiffre de contrôle du numéro personnel ne correspond pas&#xa0;: la zone a peut-être été mal saisie.</translation>
    </message>
    <message>
        <source>The zone&apos;s final check digit does not match: it was probably mistyped or misread; compare it with the passport.</source>
        <translation>Le chiffre de contrôle final de la zone ne correspond pas&#xa0;: elle a probablement été mal saisie ou mal lue&#xa0;; comparez-la avec le passeport.</translation>
    </message>
</context>
<context>
    <name>fd::offerchecks</name>
    <message>
        <source>This offer expired at %1: search again.</source>
        <translation>Cette offre a expiré à %1&#xa0;: relancez la recherche.</translation>
    </message>
    <message>
        <source>This offer expires in %1 s, too soon to book safely: search again.</source>
        <translation>Cette offre expire dans %1 s, trop tôt pour réserver en toute sécurité&#xa0;: relancez la recherche.</translation>
    </message>
    <message>
        <source>The price is no longer guaranteed: search again for a current price.</source>
        <translation>Le prix n&apos;est plus garanti&#xa0;: relancez la recherche pour obtenir un prix à jour.</translation>
    </message>
    <message>
        <source>The wallet holds %1 but the offer costs %2; amounts are never converted.</source>
        <translation>Le portefeuille est en %1 mais l&apos;offre est en %2&#xa0;; les montants ne sont jamais convertis.</translation>
    </message>
    <message>
        <source>The wallet has %1 available but this booking costs %2: top up the wallet first.</source>
        <translation>Le portefeuille dispose de %1 mais cette réservation coûte %2&#xa0;: rechargez d&apos;abord le portefeuille.</translation>
    </message>
</context>
<context>
    <name>fd::rules</name>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>At most 50 characters; this has %1.</source>
        <translation>50 caractères au maximum&#xa0;; celui-ci en compte %1.</translation>
    </message>
    <message>
        <source>Use letters, spaces, hyphens and apostrophes only, as in the passport (&quot;%1&quot; is not allowed).</source>
        <translation>Utilisez uniquement des lettres, des espaces, des traits d&apos;union et des apostrophes, comme sur le passeport («&#xa0;%1&#xa0;» n&apos;est pas autorisé).</translation>
    </message>
    <message>
        <source>A name needs at least one letter.</source>
        <translation>Un nom doit contenir au moins une lettre.</translation>
    </message>
    <message>
        <source>Airlines match the passport&apos;s machine-readable spelling, which has no accents: check the passport and consider &quot;%1&quot;.</source>
        <translation>Les compagnies aériennes se fient à l&apos;orthographe de la zone MRZ du passeport, qui ne comporte pas d&apos;accents&#xa0;: vérifiez le passeport et envisagez «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Airlines match the passport&apos;s machine-readable spelling: enter the name in Latin letters exactly as printed in the passport.</source>
        <translation>Les compagnies aériennes se fient à l&apos;orthographe de la zone MRZ du passeport&#xa0;: saisissez le nom en lettres latines, exactement comme il est imprimé sur le passeport.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 1988-04-17.</source>
        <translation>Écrivez la date au format YYYY-MM-DD, p. ex. 1988-04-17.</translation>
    </message>
    <message>
        <source>Not a calendar date: check the day and the month.</source>
        <translation>Date inexistante&#xa0;: vérifiez le jour et le mois.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La date de naissance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>Check the year: this passenger would be over 120.</source>
        <translation>Vérifiez l&apos;année&#xa0;: ce passager aurait plus de 120 ans.</translation>
    </message>
    <message>
        <source>Use &quot;m&quot; or &quot;f&quot;, as on the passport.</source>
        <translation>Utilisez «&#xa0;m&#xa0;» ou «&#xa0;f&#xa0;», comme sur le passeport.</translation>
    </message>
    <message>
        <source>Use one of mr, ms, mrs, miss, dr — or leave it empty.</source>
        <translation>Utilisez mr, ms, mrs, miss ou dr — ou laissez vide.</translation>
    </message>
    <message>
        <source>Enter an address like name@example.com.</source>
        <translation>Saisissez une adresse du type name@example.com.</translation>
    </message>
    <message>
        <source>Use international E.164 format with no spaces or punctuation: %1.</source>
        <translation>Utilisez le format international E.164, sans espaces ni ponctuation&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Use international E.164 format: &quot;+&quot;, the country code and the number, at most 15 digits (e.g. +2348012345678).</source>
        <translation>Utilisez le format international E.164&#xa0;: «&#xa0;+&#xa0;», l&apos;indicatif du pays et le numéro, 15 chiffres au maximum (p. ex. +2348012345678).</translation>
    </message>
    <message>
        <source>%1 cannot be a phone number: check the country code and the number of digits.</source>
        <translation>%1 ne peut pas être un numéro de téléphone&#xa0;: vérifiez l&apos;indicatif du pays et le nombre de chiffres.</translation>
    </message>
    <message>
        <source>%1 is not a known number for its country: check it with the passenger.</source>
        <translation>%1 n&apos;est pas un numéro connu pour son pays&#xa0;: vérifiez-le avec le passager.</translation>
    </message>
    <message>
        <source>Use capital letters, as in the passport.</source>
        <translation>Utilisez des majuscules, comme sur le passeport.</translation>
    </message>
    <message>
        <source>A passport number has 5 to 15 letters A–Z and digits, no spaces.</source>
        <translation>Un numéro de passeport comporte de 5 à 15 lettres A–Z et chiffres, sans espaces.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 3166-1 two-letter country code (e.g. NG, GB).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un code pays ISO 3166-1 à deux lettres (p. ex. NG, GB).</translation>
    </message>
    <message>
        <source>Write a real date as YYYY-MM-DD.</source>
        <translation>Saisissez une date réelle au format YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The passport expires on %1, before the trip ends on %2: the passenger needs a valid passport.</source>
        <translation>Le passeport expire le %1, avant la fin du voyage le %2&#xa0;: le passager doit disposer d&apos;un passeport valide.</translation>
    </message>
    <message>
        <source>The passport expires less than six months after departure; many countries refuse entry then.</source>
        <translation>Le passeport expire moins de six mois après le départ&#xa0;; de nombreux pays refusent alors l&apos;entrée sur leur territoire.</translation>
    </message>
    <message>
        <source>Remove the space or line break at the start or end of this field.</source>
        <translation>Supprimez l&apos;espace ou le saut de ligne au début ou à la fin de ce champ.</translation>
    </message>
    <message>
        <source>Use plain spaces only: line breaks, tabs and special spaces are not allowed in a name.</source>
        <translation>Utilisez uniquement des espaces simples&#xa0;: les sauts de ligne, les tabulations et les espaces spéciaux ne sont pas autorisés dans un nom.</translation>
    </message>
    <message>
        <source>An email address cannot contain spaces or line breaks.</source>
        <translation>Une adresse e-mail ne peut pas contenir d&apos;espaces ni de sauts de ligne.</translation>
    </message>
</context>
<context>
    <name>fd::ui</name>
    <message>
        <source>Book flights for travel agents.</source>
        <translation>Réservation de vols pour les agents de voyages.</translation>
    </message>
    <message>
        <source>Run against the built-in offline sandbox.</source>
        <translation>Utiliser le bac à sable hors ligne intégré.</translation>
    </message>
    <message>
        <source>Demo: the outcome of the next booking.</source>
        <translation>Démo&#xa0;: le résultat de la prochaine réservation.</translation>
    </message>
    <message>
        <source>Training: shrink every waiting time by this factor.</source>
        <translation>Formation&#xa0;: réduire chaque temps d&apos;attente de ce facteur.</translation>
    </message>
</context>
<context>
    <name>fd::ui::AirportModel</name>
    <message>
        <source>%1 · %2 · %3 (%4)</source>
        <extracomment>Airport completion: %1 IATA code, %2 city, %3 airport name, %4 country code.</extracomment>
        <translation>%1 · %2 · %3 (%4)</translation>
    </message>
    <message>
        <source>Code</source>
        <extracomment>Column header: the three-letter IATA airport code.</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Airport</source>
        <extracomment>Column header: the airport&apos;s name.</extracomment>
        <translation>Aéroport</translation>
    </message>
</context>
<context>
    <name>fd::ui::CancelDialog</name>
    <message>
        <source>Booking %1 %2</source>
        <extracomment>%1 is a booking reference or an order id, %2 what the booking cost (may be empty).</extracomment>
        <translation>Réservation %1 %2</translation>
    </message>
    <message>
        <source>Fetching a cancellation quote…</source>
        <translation>Obtention d&apos;un devis d&apos;annulation…</translation>
    </message>
    <message>
        <source>Nothing is cancelled until you confirm.</source>
        <translation>Rien n&apos;est annulé tant que vous n&apos;avez pas confirmé.</translation>
    </message>
    <message>
        <source>%1 of the %2 paid</source>
        <translation>%1 sur les %2 payés</translation>
    </message>
    <message>
        <source>unknown (the booking&apos;s total is not known here)</source>
        <translation>inconnu (le total de la réservation n&apos;est pas connu ici)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Finishing the cancellation confirmed earlier…</source>
        <translation>Finalisation de l&apos;annulation confirmée précédemment…</translation>
    </message>
    <message>
        <source>It is sent again with the same key, so it is refunded once.</source>
        <translation>Elle est renvoyée avec la même clé&#xa0;: le remboursement n&apos;a lieu qu&apos;une fois.</translation>
    </message>
    <message>
        <source>Cancel this booking?</source>
        <translation>Annuler cette réservation&#xa0;?</translation>
    </message>
    <message>
        <source>The refund goes back to the agency&apos;s wallet. Nothing is cancelled until you confirm.</source>
        <translation>Le remboursement est crédité sur le portefeuille de l&apos;agence. Rien n&apos;est annulé tant que vous n&apos;avez pas confirmé.</translation>
    </message>
    <message>
        <source>expired at %1</source>
        <translation>expiré à %1</translation>
    </message>
    <message>
        <source>This quote expired before it was confirmed. Nothing was cancelled; get a new quote to try again.</source>
        <translation>Ce devis a expiré avant d&apos;être confirmé. Rien n&apos;a été annulé&#xa0;; obtenez un nouveau devis pour réessayer.</translation>
    </message>
    <message>
        <source>%1:%2 (until %3)</source>
        <extracomment>Time left to confirm the quote, minutes:seconds, then the local time it ends.</extracomment>
        <translation>%1:%2 (jusqu&apos;à %3)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation en cours…</translation>
    </message>
    <message>
        <source>Sent once with this cancellation&apos;s own key: whatever the network does, it is refunded once.</source>
        <translation>Envoyée une seule fois avec la clé propre à cette annulation&#xa0;: quoi qu&apos;il arrive sur le réseau, le remboursement n&apos;a lieu qu&apos;une fois.</translation>
    </message>
    <message>
        <source>The booking is cancelled. %1 was refunded to the wallet.</source>
        <extracomment>%1 the refund, e.g. &quot;371.07 EUR&quot;.</extracomment>
        <translation>La réservation est annulée. %1 a été remboursé sur le portefeuille.</translation>
    </message>
    <message>
        <source>The provider refused to cancel it: %1
Nothing changed.</source>
        <extracomment>%1 is the provider&apos;s reason.</extracomment>
        <translation>Le fournisseur a refusé de l&apos;annuler&#xa0;: %1
Rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>The quote expired before it was confirmed. Nothing was cancelled; get a new quote to try again.</source>
        <translation>Le devis a expiré avant d&apos;être confirmé. Rien n&apos;a été annulé&#xa0;; obtenez un nouveau devis pour réessayer.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer is not known yet: %1
It is kept in the journal and resumed later with the same key. Do not cancel it again elsewhere.</source>
        <translation>La réponse du fournisseur n&apos;est pas encore connue&#xa0;: %1
L&apos;annulation est conservée dans le journal et sera reprise plus tard avec la même clé. Ne l&apos;annulez pas à nouveau ailleurs.</translation>
    </message>
    <message>
        <source>Not cancelled: nothing was sent.</source>
        <translation>Non annulée&#xa0;: rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>The cancellation stopped: %1</source>
        <translation>L&apos;annulation s&apos;est interrompue&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fd::ui::CheckoutPage</name>
    <message>
        <source>Sold by %1</source>
        <extracomment>%1 the airline selling the offer.</extracomment>
        <translation>Vendu par %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <extracomment>%1 the amount with its currency, e.g. 412.30 EUR.</extracomment>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Fix 1 field for passenger %1.</source>
        <translation>Corrigez 1 champ pour le passager %1.</translation>
    </message>
    <message>
        <source>Fix %1 fields for passenger %2.</source>
        <translation>Corrigez %1 champs pour le passager %2.</translation>
    </message>
    <message>
        <source>Choose an offer first.</source>
        <translation>Choisissez d&apos;abord une offre.</translation>
    </message>
    <message>
        <source>Booking in progress: the form is locked until the booking finishes.</source>
        <translation>Réservation en cours&#xa0;: le formulaire est verrouillé jusqu&apos;à la fin de la réservation.</translation>
    </message>
    <message>
        <source>Ready to book for %1.</source>
        <translation>Prêt à réserver pour %1.</translation>
    </message>
    <message>
        <source>not created yet</source>
        <extracomment>Shown where the order id will be, before the provider has created the order.</extracomment>
        <translation>pas encore créée</translation>
    </message>
    <message>
        <source>Idempotency key: %1</source>
        <translation>Clé d&apos;idempotence&#xa0;: %1</translation>
    </message>
    <message>
        <source>Order: %1</source>
        <translation>Commande&#xa0;: %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Fournisseur&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A flight&apos;s duration: %1 hours, %2 minutes.</extracomment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 %2 → %3 %4</source>
        <extracomment>One flight of the offer: origin code and city → destination code and city.</extracomment>
        <translation>%1 %2 → %3 %4</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>1 stop</source>
        <translation>1 escale</translation>
    </message>
    <message>
        <source>%1 stops</source>
        <translation>%1 escales</translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4 · %5</source>
        <extracomment>%1 the departure&apos;s local date, %2 departure time and zone (&quot;09:00 WAT&quot;), %3 arrival time and zone (&quot;06:15 WAT +1&quot; when it lands on a later local day), %4 duration, %5 &quot;direct&quot; or the number of stops. Each time is the airport&apos;s local time.</extracomment>
        <translation>%1 · %2 → %3 · %4 · %5</translation>
    </message>
    <message>
        <source>Booked with %1, PNR %2</source>
        <extracomment>A ticketed booking: %1 the provider&apos;s name, %2 the airline booking reference (PNR).</extracomment>
        <translation>Réservé via %1, PNR %2</translation>
    </message>
    <message>
        <source>, order %1</source>
        <extracomment>After &quot;Booked with …, PNR …&quot;: %1 the provider&apos;s order id.</extracomment>
        <translation>, commande %1</translation>
    </message>
    <message>
        <source>PNR %1</source>
        <extracomment>The order of a provider whose order id is the PNR (Travomatrix): %1 the PNR.</extracomment>
        <translation>PNR %1</translation>
    </message>
    <message>
        <source>Order %1</source>
        <extracomment>%1 the provider&apos;s order id, e.g. ord_0001.</extracomment>
        <translation>Commande %1</translation>
    </message>
    <message>
        <source>Error: the offer has expired — search again.</source>
        <extracomment>The offer&apos;s time ran out; the agent must search again.</extracomment>
        <translation>Erreur&#xa0;: l&apos;offre a expiré — relancez la recherche.</translation>
    </message>
    <message>
        <source>Warning: the offer expires in %1 s — too soon to book; search again.</source>
        <translation>Attention&#xa0;: l&apos;offre expire dans %1 s — trop tôt pour réserver&#xa0;; relancez la recherche.</translation>
    </message>
    <message>
        <source>Offer expires in %1</source>
        <extracomment>%1 is a countdown such as 12:34 (minutes:seconds).</extracomment>
        <translation>L&apos;offre expire dans %1</translation>
    </message>
    <message>
        <source>No price guarantee: the price is confirmed when booking.</source>
        <translation>Prix non garanti&#xa0;: le prix est confirmé au moment de la réservation.</translation>
    </message>
    <message>
        <source>Error: the price is no longer guaranteed — search again.</source>
        <translation>Erreur&#xa0;: le prix n&apos;est plus garanti — relancez la recherche.</translation>
    </message>
    <message>
        <source>Warning: the price guarantee ends in %1 s.</source>
        <translation>Attention&#xa0;: la garantie de prix prend fin dans %1 s.</translation>
    </message>
    <message>
        <source>Price guaranteed for %1</source>
        <extracomment>%1 is a countdown such as 9:59 (minutes:seconds).</extracomment>
        <translation>Prix garanti encore %1</translation>
    </message>
    <message>
        <source>Wallet balance not loaded yet.</source>
        <translation>Solde du portefeuille pas encore chargé.</translation>
    </message>
    <message>
        <source>Error: the wallet holds %1 but the offer costs %2; amounts are never converted.</source>
        <translation>Erreur&#xa0;: le portefeuille est en %1 mais l&apos;offre est en %2&#xa0;; les montants ne sont jamais convertis.</translation>
    </message>
    <message>
        <source>Error: the wallet has %1, %2 short of the total — top up first.</source>
        <translation>Erreur&#xa0;: le portefeuille dispose de %1, soit %2 de moins que le total — rechargez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>Wallet: %1 available, covers %2</source>
        <extracomment>%1 the wallet&apos;s balance, %2 the offer&apos;s total.</extracomment>
        <translation>Portefeuille&#xa0;: %1 disponibles, couvre %2</translation>
    </message>
</context>
<context>
    <name>fd::ui::CheckoutTab</name>
    <message>
        <source>Passenger</source>
        <translation>Passager</translation>
    </message>
    <message>
        <source>E-ticket</source>
        <translation>Billet électronique</translation>
    </message>
    <message>
        <source>This checkout cannot be saved: %1</source>
        <translation>Ce parcours de réservation ne peut pas être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 ✓ %2</source>
        <extracomment>Tab title of a booked checkout; %1 is the route, %2 the booking reference.</extracomment>
        <translation>%1 ✓ %2</translation>
    </message>
    <message>
        <source>%1 (booking…)</source>
        <extracomment>Tab title while a booking is being processed; %1 is the route.</extracomment>
        <translation>%1 (réservation…)</translation>
    </message>
    <message>
        <source>Still processing: the airline is taking longer than usual. You can keep working in other tabs; this one updates by itself.</source>
        <translation>Traitement toujours en cours&#xa0;: la compagnie aérienne met plus de temps que d&apos;habitude. Vous pouvez continuer à travailler dans d&apos;autres onglets&#xa0;; celui-ci se met à jour tout seul.</translation>
    </message>
    <message>
        <source>Checking the offer and the wallet…</source>
        <translation>Vérification de l&apos;offre et du portefeuille…</translation>
    </message>
    <message>
        <source>Nothing has been booked yet.</source>
        <translation>Rien n&apos;a encore été réservé.</translation>
    </message>
    <message>
        <source>Sending the booking…</source>
        <translation>Envoi de la réservation…</translation>
    </message>
    <message>
        <source>It is sent once; if the network fails it is retried with the same key, so it cannot be booked twice.</source>
        <translation>Elle est envoyée une seule fois&#xa0;; en cas de panne réseau, elle est renvoyée avec la même clé et ne peut donc pas être réservée deux fois.</translation>
    </message>
    <message>
        <source>Booking created. Asking the airline to issue tickets…</source>
        <translation>Réservation créée. Demande d&apos;émission des billets à la compagnie aérienne…</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <source>Waiting for the airline to confirm…</source>
        <translation>En attente de la confirmation de la compagnie aérienne…</translation>
    </message>
    <message>
        <source>Order %1. This usually takes under a minute.</source>
        <translation>Commande %1. Cela prend généralement moins d&apos;une minute.</translation>
    </message>
    <message>
        <source>The booking did not go through, no charge was applied.</source>
        <translation>La réservation n&apos;a pas abouti, aucun débit n&apos;a été effectué.</translation>
    </message>
    <message>
        <source>The airline declined order %1 and the payment was reversed. Search again to book this route; every passenger is kept.</source>
        <translation>La compagnie aérienne a refusé la commande %1 et le paiement a été annulé. Relancez une recherche pour réserver ce trajet&#xa0;; tous les passagers sont conservés.</translation>
    </message>
    <message>
        <source>This offer can no longer be booked.</source>
        <translation>Cette offre ne peut plus être réservée.</translation>
    </message>
    <message>
        <source>The wallet does not cover this booking.</source>
        <translation>Le portefeuille ne couvre pas cette réservation.</translation>
    </message>
    <message>
        <source>Top up the demo wallet, then the booking continues.</source>
        <translation>Rechargez le portefeuille de démo, puis la réservation se poursuit.</translation>
    </message>
    <message>
        <source>Top up the wallet in the agency portal, then check again.</source>
        <translation>Rechargez le portefeuille dans le portail agence, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Retrying is safe: the same booking is sent again with the same key and cannot be charged twice.</source>
        <translation>Vous pouvez réessayer sans risque&#xa0;: la même réservation est renvoyée avec la même clé et ne peut pas être débitée deux fois.</translation>
    </message>
    <message>
        <source>Some details need fixing. Nothing was booked.</source>
        <translation>Certaines informations sont à corriger. Rien n&apos;a été réservé.</translation>
    </message>
    <message>
        <source>Passenger %1, %2: %3</source>
        <translation>Passager %1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>The booking stopped.</source>
        <translation>La réservation s&apos;est interrompue.</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <extracomment>Time since the booking was sent, minutes:seconds.</extracomment>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>Référence de réservation</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Flights</source>
        <translation>Vols</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Passagers</translation>
    </message>
    <message>
        <source>Only a ticketed booking has an itinerary.</source>
        <translation>Seule une réservation dont les billets sont émis a un itinéraire.</translation>
    </message>
    <message>
        <source>Save itinerary</source>
        <translation>Enregistrer l&apos;itinéraire</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Itinerary saved to %1</source>
        <translation>Itinéraire enregistré dans %1</translation>
    </message>
    <message>
        <source>Booked: this checkout is closed.</source>
        <translation>Réservé&#xa0;: ce parcours de réservation est clos.</translation>
    </message>
    <message>
        <source>This booking was sent; it can only continue as it is.</source>
        <translation>Cette réservation a été envoyée&#xa0;; elle ne peut se poursuivre que telle quelle.</translation>
    </message>
    <message>
        <source>This checkout is closed. Search again to book this trip.</source>
        <translation>Ce parcours de réservation est clos. Relancez une recherche pour réserver ce voyage.</translation>
    </message>
    <message>
        <source>This booking was sent and stopped; support settles it. Do not book it again.</source>
        <translation>Cette réservation a été envoyée puis interrompue&#xa0;; le support la régularise. Ne la réservez pas à nouveau.</translation>
    </message>
    <message>
        <source>%1 is ticketed.</source>
        <extracomment>%1 &quot;Order ord_0001&quot; or, when the order id is the PNR, &quot;PNR RZPVAB&quot;.</extracomment>
        <translation>%1&#xa0;: billets émis.</translation>
    </message>
    <message>
        <source>Interrupted: the provider&apos;s answer is not known yet.</source>
        <translation>Interrompue&#xa0;: la réponse du fournisseur n&apos;est pas encore connue.</translation>
    </message>
    <message>
        <source>Not settled: contact support.</source>
        <translation>Non réglée&#xa0;: contactez le support.</translation>
    </message>
    <message>
        <source>This tab still updates if the airline answers.</source>
        <translation>Cet onglet se met encore à jour si la compagnie aérienne répond.</translation>
    </message>
    <message>
        <source>Booked with</source>
        <translation>Réservé via</translation>
    </message>
    <message>
        <source>Storing the booking&apos;s key first…</source>
        <translation>Enregistrement préalable de la clé de la réservation…</translation>
    </message>
    <message>
        <source>Nothing was sent. Close this tab and try again once the order journal can be reached.</source>
        <translation>Rien n&apos;a été envoyé. Fermez cet onglet et réessayez dès que le journal des commandes est joignable.</translation>
    </message>
    <message>
        <source>This checkout cannot be saved, so it cannot be booked.</source>
        <translation>Ce parcours de réservation ne peut pas être enregistré, il ne peut donc pas être réservé.</translation>
    </message>
    <message>
        <source>Waiting for the order journal…</source>
        <translation>En attente du journal des commandes…</translation>
    </message>
    <message>
        <source>The booking&apos;s key is stored before anything is sent; nothing has been sent yet. The window stays usable meanwhile.</source>
        <translation>La clé de la réservation est enregistrée avant tout envoi&#xa0;; rien n&apos;a encore été envoyé. La fenêtre reste utilisable en attendant.</translation>
    </message>
    <message>
        <source>Ticketed. Reading the e-tickets…</source>
        <translation>Billets émis. Lecture des billets électroniques…</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <extracomment>Tab title of a booking that was cancelled afterwards; %1 is the route.</extracomment>
        <translation>%1 (annulée)</translation>
    </message>
    <message>
        <source>This booking was cancelled and refunded to the wallet.</source>
        <translation>Cette réservation a été annulée et remboursée sur le portefeuille.</translation>
    </message>
    <message>
        <source>Cancelled: this checkout is closed.</source>
        <translation>Annulée&#xa0;: ce parcours de réservation est clos.</translation>
    </message>
    <message>
        <source>The travellers were not saved: %1</source>
        <extracomment>%1 why, from the profiles&apos; file.</extracomment>
        <translation>Les voyageurs n&apos;ont pas été enregistrés : %1</translation>
    </message>
    <message>
        <source>1 traveller saved: typing the name in a passenger card offers them.</source>
        <translation>1 voyageur enregistré : saisir son nom dans une fiche passager le propose.</translation>
    </message>
    <message>
        <source>%1 travellers saved: typing a name in a passenger card offers them.</source>
        <translation>%1 voyageurs enregistrés : saisir un nom dans une fiche passager les propose.</translation>
    </message>
    <message>
        <source>Their passports were not kept: the system keychain is not available (%1).</source>
        <translation>Leurs passeports n&apos;ont pas été gardés : le trousseau du système n&apos;est pas disponible (%1).</translation>
    </message>
</context>
<context>
    <name>fd::ui::ContactDialog</name>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>Booking %1: the new details are sent to the airline&apos;s order.</source>
        <extracomment>%1 is a booking reference or an order id.</extracomment>
        <translation>Réservation %1&#xa0;: les nouvelles coordonnées sont envoyées à la commande de la compagnie aérienne.</translation>
    </message>
    <message>
        <source>Nothing was changed, so nothing was sent.</source>
        <translation>Rien n&apos;a été modifié, donc rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Sending the new contact details…</source>
        <translation>Envoi des nouvelles coordonnées…</translation>
    </message>
    <message>
        <source>Saved. The order&apos;s contact details are now %1, %2.</source>
        <extracomment>%1 the e-mail, %2 the phone the order has now.</extracomment>
        <translation>Enregistré. Les coordonnées de la commande sont désormais %1, %2.</translation>
    </message>
    <message>
        <source>The %1 was changed by someone else to %2; yours is %3.</source>
        <extracomment>%1 &quot;e-mail&quot; or &quot;phone&quot;, %2 the value someone else saved, %3 the agent&apos;s.</extracomment>
        <translation>Champ %1&#xa0;: quelqu&apos;un d&apos;autre l&apos;a remplacé par %2&#xa0;; votre valeur est %3.</translation>
    </message>
    <message>
        <source>Nothing was changed. Choose whose to keep.</source>
        <translation>Rien n&apos;a été modifié. Choisissez quelle valeur conserver.</translation>
    </message>
    <message>
        <source>Theirs were kept; nothing else was left to change.</source>
        <translation>Leurs valeurs ont été conservées&#xa0;; il ne restait rien d&apos;autre à modifier.</translation>
    </message>
    <message>
        <source>The provider refused these details; nothing was changed.</source>
        <translation>Le fournisseur a refusé ces coordonnées&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Theirs were kept; nothing was sent.</source>
        <translation>Leurs valeurs ont été conservées&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
</context>
<context>
    <name>fd::ui::Desktop</name>
    <message>
        <source>%1; bookings cannot start until it is back. Fix it in File → Settings.</source>
        <extracomment>%1 says which database and why, e.g. &quot;The agency journal postgresql://desk@db:5432/ agency cannot be reached: connection refused&quot;.</extracomment>
        <translation>%1&#xa0;; aucune réservation ne peut démarrer avant son rétablissement. Corrigez cela dans Fichier → Paramètres.</translation>
    </message>
    <message>
        <source>The agency journal %1 cannot be used: %2; bookings cannot start until it is fixed. Fix it in File → Settings.</source>
        <extracomment>%1 the database&apos;s URL, %2 why it cannot be used.</extracomment>
        <translation>Le journal de l&apos;agence %1 est inutilisable&#xa0;: %2&#xa0;; aucune réservation ne peut démarrer tant qu&apos;il n&apos;est pas réparé. Corrigez cela dans Fichier → Paramètres.</translation>
    </message>
    <message>
        <source>FlightDesk could not start its connection: %1 Open File → Settings to fix it.</source>
        <translation>FlightDesk n&apos;a pas pu établir sa connexion&#xa0;: %1 Ouvrez Fichier → Paramètres pour corriger cela.</translation>
    </message>
    <message>
        <source>Not connected to a booking server yet: this is the offline demo. Set up the connection in File → Settings.</source>
        <translation>Pas encore connecté à un serveur de réservation&#xa0;: ceci est la démo hors ligne. Configurez la connexion dans Fichier → Paramètres.</translation>
    </message>
    <message>
        <source>The order journal could be read by other users of this computer; it is now private to you.</source>
        <translation>Le journal des commandes était lisible par d&apos;autres utilisateurs de cet ordinateur&#xa0;; il vous est désormais réservé.</translation>
    </message>
    <message>
        <source>Searching without %1 Fix it in File → Settings.</source>
        <extracomment>%1 one line per provider: its name and why it could not be connected.</extracomment>
        <translation>Recherche sans %1 Corrigez cela dans Fichier → Paramètres.</translation>
    </message>
    <message>
        <source>Settings saved. Demo mode keeps using the offline sandbox.</source>
        <translation>Paramètres enregistrés. Le mode démo continue d&apos;utiliser le bac à sable hors ligne.</translation>
    </message>
    <message>
        <source>Settings saved. They apply once the bookings in progress are done and FlightDesk starts again.</source>
        <translation>Paramètres enregistrés. Ils s&apos;appliqueront une fois les réservations en cours terminées et FlightDesk redémarré.</translation>
    </message>
    <message>
        <source>Connecting to the agency journal %1…</source>
        <extracomment>%1 the agency database&apos;s URL (no password).</extracomment>
        <translation>Connexion au journal de l&apos;agence %1…</translation>
    </message>
</context>
<context>
    <name>fd::ui::FieldMessage</name>
    <message>
        <source>Error: %1</source>
        <extracomment>Prefix of a problem that blocks booking, shown next to a field.</extracomment>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <extracomment>Prefix of a problem the agent should check but that does not block booking.</extracomment>
        <translation>Attention&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fd::ui::LocalTime</name>
    <message>
        <source>see the airline</source>
        <extracomment>Instead of a flight time the airline did not give.</extracomment>
        <translation>voir la compagnie</translation>
    </message>
</context>
<context>
    <name>fd::ui::MainWindow</name>
    <message>
        <source>%1 — DEMO</source>
        <extracomment>Window title in demo mode; %1 is the application name.</extracomment>
        <translation>%1 — DÉMO</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Commandes</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message numerus="yes">
        <source>Resumed %n unfinished booking(s) from the last session.</source>
        <translation>
            <numerusform>%n réservation inachevée de la dernière session a été reprise.</numerusform>
            <numerusform>%n réservations inachevées de la dernière session ont été reprises.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close this checkout?</source>
        <translation>Fermer ce parcours de réservation&#xa0;?</translation>
    </message>
    <message>
        <source>This booking is still being processed. Closing the tab does not cancel it: the order stays safe in the journal and FlightDesk picks it up again at the next start or from the Orders page.</source>
        <translation>Cette réservation est toujours en cours de traitement. Fermer l&apos;onglet ne l&apos;annule pas&#xa0;: la commande reste en sécurité dans le journal et FlightDesk la reprend au prochain démarrage ou depuis la page Commandes.</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>Fermer l&apos;onglet</translation>
    </message>
    <message>
        <source>Quit FlightDesk?</source>
        <translation>Quitter FlightDesk&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) are still being processed. They stay safe in the journal and continue when FlightDesk starts again.</source>
        <translation>
            <numerusform>%n réservation est toujours en cours de traitement. Elle reste en sécurité dans le journal et se poursuivra au prochain démarrage de FlightDesk.</numerusform>
            <numerusform>%n réservations sont toujours en cours de traitement. Elles restent en sécurité dans le journal et se poursuivront au prochain démarrage de FlightDesk.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Next booking&apos;s &amp;outcome</source>
        <translation>&amp;Résultat de la prochaine réservation</translation>
    </message>
    <message>
        <source>Happy path: ticketed</source>
        <translation>Cas nominal&#xa0;: billets émis</translation>
    </message>
    <message>
        <source>Airline rejects (payment reversed)</source>
        <translation>Refus de la compagnie (paiement annulé)</translation>
    </message>
    <message>
        <source>Slow airline (still processing)</source>
        <translation>Compagnie lente (traitement toujours en cours)</translation>
    </message>
    <message>
        <source>Lost webhook (found by polling)</source>
        <translation>Webhook perdu (récupéré par interrogation)</translation>
    </message>
    <message>
        <source>Never resolves (contact support)</source>
        <translation>Jamais résolue (contacter le support)</translation>
    </message>
    <message>
        <source>Wallet too low (top up)</source>
        <translation>Portefeuille insuffisant (recharger)</translation>
    </message>
    <message>
        <source>Offer about to expire</source>
        <translation>Offre sur le point d&apos;expirer</translation>
    </message>
    <message>
        <source>Flaky network (retries, one booking)</source>
        <translation>Réseau instable (nouvelles tentatives, une seule réservation)</translation>
    </message>
    <message>
        <source>Demo: the next booking will go: %1</source>
        <extracomment>%1 is the demo scenario&apos;s description.</extracomment>
        <translation>Démo&#xa0;: la prochaine réservation se déroulera ainsi&#xa0;: %1</translation>
    </message>
    <message>
        <source>About FlightDesk</source>
        <translation>À propos de FlightDesk</translation>
    </message>
    <message>
        <source>FlightDesk %1
A checkout for travel agents that never books or charges twice.</source>
        <extracomment>%1 is the version number.</extracomment>
        <translation>FlightDesk %1
Un outil de réservation pour agents de voyages qui ne réserve ni ne débite jamais deux fois.</translation>
    </message>
    <message>
        <source>FlightDesk is not connected to a booking server. Open File → Settings to enter the API address and key, or use the launcher&apos;s &quot;Demo mode&quot; to try it offline.</source>
        <translation>FlightDesk n&apos;est connecté à aucun serveur de réservation. Ouvrez Fichier → Paramètres pour saisir l&apos;adresse et la clé de l&apos;API, ou utilisez l&apos;action «&#xa0;Demo mode&#xa0;» du lanceur pour l&apos;essayer hors ligne.</translation>
    </message>
    <message>
        <source>booked %1</source>
        <extracomment>%1 is a booking reference, e.g. &quot;TB7Q2X&quot;.</extracomment>
        <translation>%1 réservée</translation>
    </message>
    <message>
        <source>order %1 failed</source>
        <extracomment>%1 is an order id; the airline declined it, nothing was charged.</extracomment>
        <translation>échec de la commande %1</translation>
    </message>
    <message>
        <source>a booking needs support</source>
        <translation>une réservation nécessite le support</translation>
    </message>
    <message>
        <source>While FlightDesk was closed: %1.</source>
        <extracomment>%1 lists what happened, e.g. &quot;booked TB7Q2X, order ord_12 failed&quot;.</extracomment>
        <translation>Pendant la fermeture de FlightDesk&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Demo mode: offline sandboxes of %1</source>
        <translation>Mode démo&#xa0;: bacs à sable hors ligne de %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <extracomment>%1 a booking provider&apos;s name, %2 its sandbox&apos;s address.</extracomment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <extracomment>The schedule-change queue&apos;s tab, while nothing waits in it.</extracomment>
        <translation>Fi&amp;le d’attente</translation>
    </message>
    <message>
        <source>&amp;Queue (%1)</source>
        <extracomment>The schedule-change queue&apos;s tab; %1 is how many changes wait in it.</extracomment>
        <translation>Fi&amp;le d’attente (%1)</translation>
    </message>
</context>
<context>
    <name>fd::ui::OffersModel</name>
    <message>
        <source>direct</source>
        <extracomment>Stops of one flight: none.</extracomment>
        <translation>direct</translation>
    </message>
    <message>
        <source>1 stop</source>
        <translation>1 escale</translation>
    </message>
    <message>
        <source>%1 stops</source>
        <translation>%1 escales</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A flight&apos;s duration: %1 hours, %2 minutes (the same words as on the checkout page).</extracomment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Departure cell: %1 airport code, %2 the airport&apos;s local date, time and zone such as &quot;Thu 10 Dec 09:00 WAT&quot;.
----------
Arrival cell: %1 airport code, %2 the airport&apos;s local time and zone, with &quot;+1&quot; when it lands on a later local day than it left (&quot;06:15 WAT +1&quot;).</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>outbound %1</source>
        <translation>aller %1</translation>
    </message>
    <message>
        <source>return %1</source>
        <translation>retour %1</translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>The offer&apos;s time ran out; it can no longer be booked.</extracomment>
        <translation>expirée</translation>
    </message>
    <message>
        <source>%1 — too late</source>
        <extracomment>%1 a countdown (0:45). The provider refuses offers this close to expiry.</extracomment>
        <translation>%1 — trop tard</translation>
    </message>
    <message>
        <source>%1 hours %2 minutes</source>
        <extracomment>Spoken duration: %1 hours and %2 minutes.</extracomment>
        <translation>%1 heures %2 minutes</translation>
    </message>
    <message>
        <source>offer expired</source>
        <translation>offre expirée</translation>
    </message>
    <message>
        <source>valid for %1 minutes %2 seconds</source>
        <extracomment>Spoken: how long the offer can still be booked.</extracomment>
        <translation>valable encore %1 minutes %2 secondes</translation>
    </message>
    <message>
        <source>How long the offer can still be booked. Offers in their last minute are refused by the provider: search again.</source>
        <translation>Durée pendant laquelle l&apos;offre peut encore être réservée. Le fournisseur refuse les offres dans leur dernière minute&#xa0;: relancez la recherche.</translation>
    </message>
    <message>
        <source>Carrier</source>
        <extracomment>Column header: the airline selling the offer, and its flight numbers.</extracomment>
        <translation>Compagnie</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Escales</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Total price</source>
        <extracomment>Column header: the offer&apos;s total for every passenger.</extracomment>
        <translation>Prix total</translation>
    </message>
    <message>
        <source>Valid for</source>
        <extracomment>Column header: time left before the offer expires.</extracomment>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Sold by %1</source>
        <extracomment>Tooltip line: %1 the booking provider selling the offer.</extracomment>
        <translation>Vendu par %1</translation>
    </message>
    <message>
        <source>sold by %1</source>
        <extracomment>Spoken: the provider selling the offer, e.g. &quot;sold by Travomatrix&quot;.</extracomment>
        <translation>vendu par %1</translation>
    </message>
    <message>
        <source>The booking provider selling the offer: the booking is made with it.</source>
        <translation>Le fournisseur de réservation qui vend l&apos;offre&#xa0;: la réservation est effectuée auprès de lui.</translation>
    </message>
    <message>
        <source>Booking provider</source>
        <extracomment>Spoken name of the Provider column.</extracomment>
        <translation>Fournisseur de réservation</translation>
    </message>
    <message>
        <source>Provider</source>
        <extracomment>Column header: the booking provider selling the offer (Travelbase, Travomatrix).</extracomment>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>departs %1 (%2) %3 at %4</source>
        <extracomment>Spoken: departs Lagos (LOS) Thursday 10 December 2026 at 09:00 WAT (the airport&apos;s local time and zone).</extracomment>
        <translation>départ %1 (%2) %3 à %4</translation>
    </message>
    <message>
        <source>arrives %1 (%2) %3 at %4</source>
        <extracomment>Spoken: arrives London (LHR) Thursday 10 December 2026 at 14:30 GMT (the airport&apos;s local time and zone).</extracomment>
        <translation>arrivée %1 (%2) %3 à %4</translation>
    </message>
    <message>
        <source>Times are each airport&apos;s local time, with its zone; &quot;+1&quot; marks an arrival on a later day than the departure. A return trip shows the way back on the second line.</source>
        <extracomment>Header tooltip of the time columns.</extracomment>
        <translation>Les heures sont les heures locales de chaque aéroport, avec leur fuseau&#xa0;; «&#xa0;+1&#xa0;» signale une arrivée un jour plus tard que le départ. Pour un aller-retour, le retour figure sur la deuxième ligne.</translation>
    </message>
    <message>
        <source>Departs</source>
        <extracomment>Column header: departure airport and its local date and time.</extracomment>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Arrives</source>
        <extracomment>Column header: arrival airport and its local time.</extracomment>
        <translation>Arrivée</translation>
    </message>
</context>
<context>
    <name>fd::ui::OrdersModel</name>
    <message>
        <source>State</source>
        <extracomment>Timeline event kind: the checkout entered a new state.</extracomment>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempt</source>
        <extracomment>Timeline event kind: one HTTP request to the provider.</extracomment>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Webhook</source>
        <extracomment>Timeline event kind: a notification pushed by the provider.</extracomment>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Entered “%1”</source>
        <extracomment>%1 is the new state, e.g. &quot;Ticketed&quot;.</extracomment>
        <translation>Passage à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source> (was “%1”)</source>
        <extracomment>%1 is the previous state.</extracomment>
        <translation> (auparavant «&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>, by webhook %1</source>
        <extracomment>%1 is a webhook event id, e.g. evt_0003.</extracomment>
        <translation>, par le webhook %1</translation>
    </message>
    <message>
        <source>, replacing intent #%1</source>
        <translation>, en remplacement de l&apos;intention #%1</translation>
    </message>
    <message>
        <source>, during %1</source>
        <translation>, pendant %1</translation>
    </message>
    <message>
        <source>#%1 %2 %3 → %4</source>
        <extracomment>One HTTP attempt: %1 attempt number, %2 method, %3 path, %4 HTTP status or &quot;no answer&quot;.</extracomment>
        <translation>#%1 %2 %3 → %4</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source> (replayed by the provider)</source>
        <translation> (rejouée par le fournisseur)</translation>
    </message>
    <message>
        <source> · retry in %1 s</source>
        <extracomment>%1 is a number of seconds, e.g. 1.5.</extracomment>
        <translation> · nouvelle tentative dans %1 s</translation>
    </message>
    <message>
        <source>Event %1</source>
        <extracomment>%1 is the webhook event id, e.g. evt_0003.</extracomment>
        <translation>Événement %1</translation>
    </message>
    <message>
        <source> (order %1)</source>
        <extracomment>%1 is the order status the webhook reported.</extracomment>
        <translation> (commande %1)</translation>
    </message>
    <message>
        <source>Created</source>
        <extracomment>Orders table column: when the checkout started.</extracomment>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reference</source>
        <extracomment>Orders table column: the airline booking reference (PNR), e.g. RZPVAB.</extracomment>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>ID de commande</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Passagers</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Trajet</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>booked with %1</source>
        <extracomment>Spoken: the provider the order was booked with.</extracomment>
        <translation>réservée via %1</translation>
    </message>
    <message>
        <source>Booking provider</source>
        <extracomment>Spoken name of the orders table&apos;s Provider column.</extracomment>
        <translation>Fournisseur de réservation</translation>
    </message>
    <message>
        <source>Provider</source>
        <extracomment>Orders table column: the booking provider (Travelbase, Travomatrix).</extracomment>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>%1 → %2 · %3</source>
        <extracomment>One flight of a booking: %1 origin code, %2 destination code, %3 its local date, times and duration (&quot;Thu 10 Dec 2026 · 09:00 WAT → 14:30 GMT · …&quot;).</extracomment>
        <translation>%1 → %2 · %3</translation>
    </message>
    <message>
        <source>Departs</source>
        <extracomment>Orders table column: the first flight&apos;s departure, in its airport&apos;s local time.</extracomment>
        <translation>Départ</translation>
    </message>
</context>
<context>
    <name>fd::ui::OrdersPage</name>
    <message>
        <source>All orders</source>
        <extracomment>Status filter of the orders history.</extracomment>
        <translation>Toutes les commandes</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Ticketed</source>
        <translation>Billets émis</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouées</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <extracomment>Filter: interrupted, unresolved, error or insufficient funds, or a cancellation in progress.</extracomment>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>The order journal cannot be read: %1</source>
        <extracomment>%1 explains why, e.g. the file is locked or damaged.</extracomment>
        <translation>Impossible de lire le journal des commandes&#xa0;: %1</translation>
    </message>
    <message>
        <source>No orders yet. Each booking appears here as soon as Book is pressed.</source>
        <translation>Aucune commande pour l&apos;instant. Chaque réservation apparaît ici dès que l&apos;on appuie sur «&#xa0;Réserver&#xa0;».</translation>
    </message>
    <message>
        <source>No order matches this filter and search. Choose “All orders” or clear the search to see every order.</source>
        <translation>Aucune commande ne correspond à ce filtre et à cette recherche. Choisissez «&#xa0;Toutes les commandes&#xa0;» ou effacez la recherche pour voir toutes les commandes.</translation>
    </message>
    <message>
        <source>Select an order to see its details and timeline.</source>
        <translation>Sélectionnez une commande pour afficher ses détails et son historique.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>none yet</source>
        <extracomment>Shown instead of the order id before the provider created the order.</extracomment>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Continues with the same idempotency key, so it can never book twice.</source>
        <translation>Reprend avec la même clé d&apos;idempotence&#xa0;: la réservation ne peut jamais être faite deux fois.</translation>
    </message>
    <message>
        <source>This order is finished: nothing to resume.</source>
        <translation>Cette commande est terminée&#xa0;: rien à reprendre.</translation>
    </message>
    <message>
        <source>Nothing was sent for this checkout yet: there is nothing to resume.</source>
        <translation>Rien n&apos;a encore été envoyé pour ce parcours de réservation&#xa0;: il n&apos;y a rien à reprendre.</translation>
    </message>
    <message>
        <source>The timeline cannot be read: %1</source>
        <translation>Impossible de lire l&apos;historique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <extracomment>Shown on a Copy button for a moment after it was pressed.</extracomment>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Only a booking whose order exists and has not ended (ticketed or being ticketed) can be cancelled or changed.</source>
        <extracomment>Why Cancel booking… and Change contact details… are not available.</extracomment>
        <translation>Seule une réservation dont la commande existe et n&apos;est pas terminée (billets émis ou en cours d&apos;émission) peut être annulée ou modifiée.</translation>
    </message>
</context>
<context>
    <name>fd::ui::PassengerForm</name>
    <message>
        <source>Adult</source>
        <translation>Adulte</translation>
    </message>
    <message>
        <source>Child (2–11)</source>
        <extracomment>Passenger type; the ages are those of the airline contract.</extracomment>
        <translation>Enfant (2–11 ans)</translation>
    </message>
    <message>
        <source>Infant on lap (under 2)</source>
        <translation>Bébé sur les genoux (moins de 2 ans)</translation>
    </message>
    <message>
        <source>—</source>
        <extracomment>No title chosen (the title is optional).
----------
No gender chosen yet.</extracomment>
        <translation>—</translation>
    </message>
    <message>
        <source>Mr</source>
        <translation>M. (Mr)</translation>
    </message>
    <message>
        <source>Ms</source>
        <translation>Mme (Ms)</translation>
    </message>
    <message>
        <source>Mrs</source>
        <translation>Mme (Mrs)</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>Mlle (Miss)</translation>
    </message>
    <message>
        <source>Dr</source>
        <translation>Dr</translation>
    </message>
    <message>
        <source>Female (f)</source>
        <extracomment>Gender as on the passport; the contract&apos;s value is in brackets.</extracomment>
        <translation>Femme (f)</translation>
    </message>
    <message>
        <source>Male (m)</source>
        <translation>Homme (m)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Civilité</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Date of birth, YYYY-MM-DD</source>
        <translation>Date de naissance, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone, international format</source>
        <translation>Téléphone, format international</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>Numéro de passeport</translation>
    </message>
    <message>
        <source>Passport issuing country</source>
        <translation>Pays de délivrance du passeport</translation>
    </message>
    <message>
        <source>Passport expiry date, YYYY-MM-DD</source>
        <translation>Date d&apos;expiration du passeport, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Passenger %1 · %2</source>
        <extracomment>Heading of one passenger&apos;s form: %1 the number in the offer, %2 the type.</extracomment>
        <translation>Passager %1 · %2</translation>
    </message>
    <message>
        <source>%1, passenger %2</source>
        <extracomment>Accessible name of an input: %1 the field, %2 the passenger&apos;s number.</extracomment>
        <translation>%1, passager %2</translation>
    </message>
    <message>
        <source>Passport machine-readable zone, two lines</source>
        <translation>Zone MRZ du passeport, deux lignes</translation>
    </message>
    <message>
        <source>Fill the fields from the machine-readable zone</source>
        <translation>Remplir les champs depuis la zone MRZ</translation>
    </message>
    <message>
        <source>Filled from the machine-readable zone; its check digits match.</source>
        <translation>Rempli depuis la zone MRZ&#xa0;; ses chiffres de contrôle concordent.</translation>
    </message>
</context>
<context>
    <name>fd::ui::PlaceCompleter</name>
    <message>
        <source>%1 — any airport (%2), %3</source>
        <extracomment>A city&apos;s completion: %1 the city, %2 its code, %3 its country.</extracomment>
        <translation>%1 — tous les aéroports (%2), %3</translation>
    </message>
    <message>
        <source>%1 — %2 (%3), %4</source>
        <extracomment>An airport&apos;s completion: %1 its city, %2 its short name, %3 its code, %4 its country.</extracomment>
        <translation>%1 — %2 (%3), %4</translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfileCompleter</name>
    <message>
        <source>Saved travellers</source>
        <translation>Voyageurs enregistrés</translation>
    </message>
    <message>
        <source>passport saved</source>
        <translation>passeport enregistré</translation>
    </message>
    <message>
        <source>passport sealed</source>
        <translation>passeport scellé</translation>
    </message>
    <message>
        <source>no passport</source>
        <translation>sans passeport</translation>
    </message>
    <message>
        <source>%1 — born %2, %3</source>
        <extracomment>A saved traveller offered in a passenger card: %1 the name, %2 the date of birth, %3 &quot;passport saved&quot;, &quot;passport sealed&quot; or &quot;no passport&quot;.</extracomment>
        <translation>%1 — né(e) le %2, %3</translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfileEditDialog</name>
    <message>
        <source>The saved passport is sealed and its key is not available on this desk: it is kept as it is.</source>
        <translation>Le passeport enregistré est scellé et sa clé n&apos;est pas disponible sur ce poste : il est gardé tel quel.</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked above first.</source>
        <translation>Rien n&apos;a été enregistré : corrigez d&apos;abord les champs signalés ci-dessus.</translation>
    </message>
    <message>
        <source>Saving the profile…</source>
        <translation>Enregistrement du profil…</translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <extracomment>%1 the store&apos;s reason, in English.</extracomment>
        <translation>Le profil n&apos;a pas été enregistré : %1</translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfilesDialog</name>
    <message>
        <source>No traveller profiles are saved yet: they are saved from a booking&apos;s passengers.</source>
        <translation>Aucun profil voyageur n&apos;est encore enregistré : on les enregistre à partir des passagers d&apos;une réservation.</translation>
    </message>
    <message>
        <source>Traveller profiles are not kept on this desk.</source>
        <translation>Les profils voyageurs ne sont pas gardés sur ce poste.</translation>
    </message>
    <message>
        <source>Reading the traveller profiles…</source>
        <translation>Lecture des profils voyageurs…</translation>
    </message>
    <message>
        <source>The traveller profiles could not be read: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation>Les profils voyageurs n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>No traveller profile matches “%1”.</source>
        <extracomment>%1 what the agent typed in the Find field.</extracomment>
        <translation>Aucun profil voyageur ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>The profile of %1 was saved.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation>Le profil de %1 a été enregistré.</translation>
    </message>
    <message>
        <source>Delete traveller profile</source>
        <translation>Supprimer le profil voyageur</translation>
    </message>
    <message>
        <source>Delete the profile of %1? Their details and any saved passport are removed from this desk. Bookings already made keep their passengers.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation>Supprimer le profil de %1 ? Ses informations et tout passeport enregistré sont retirés de ce poste. Les réservations déjà faites gardent leurs passagers.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Deleting the profile…</source>
        <translation>Suppression du profil…</translation>
    </message>
    <message>
        <source>The profile was not deleted: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation>Le profil n&apos;a pas été supprimé : %1</translation>
    </message>
    <message>
        <source>The profile of %1 was deleted.</source>
        <translation>Le profil de %1 a été supprimé.</translation>
    </message>
    <message>
        <source>That profile had already been deleted.</source>
        <translation>Ce profil avait déjà été supprimé.</translation>
    </message>
    <message>
        <source>Erase passport</source>
        <translation>Effacer le passeport</translation>
    </message>
    <message>
        <source>Erase the passport saved with the profile of %1? The rest of the profile stays; the passport will have to be typed again for their next booking.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation>Effacer le passeport enregistré avec le profil de %1 ? Le reste du profil est gardé ; il faudra saisir à nouveau le passeport pour sa prochaine réservation.</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>Erasing the passport…</source>
        <translation>Effacement du passeport…</translation>
    </message>
    <message>
        <source>The passport was not erased: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation>Le passeport n&apos;a pas été effacé : %1</translation>
    </message>
    <message>
        <source>The passport of %1 was erased.</source>
        <extracomment>%1 the traveller&apos;s name.</extracomment>
        <translation>Le passeport de %1 a été effacé.</translation>
    </message>
    <message>
        <source>Export traveller profiles</source>
        <translation>Exporter les profils voyageurs</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting the traveller profiles…</source>
        <translation>Export des profils voyageurs…</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <extracomment>%1 the reason, in English.</extracomment>
        <translation>Rien n&apos;a été exporté : %1</translation>
    </message>
    <message>
        <source>1 profile exported to %1.</source>
        <translation>1 profil exporté vers %1.</translation>
    </message>
    <message>
        <source>%1 profiles exported to %2.</source>
        <extracomment>%1 how many (0, or 2 or more), %2 the file.</extracomment>
        <translation>%1 profils exportés vers %2.</translation>
    </message>
    <message>
        <source>Passport numbers are in the file: keep it safe.</source>
        <translation>Les numéros de passeport sont dans le fichier : gardez-le en lieu sûr.</translation>
    </message>
</context>
<context>
    <name>fd::ui::ProfilesModel</name>
    <message>
        <source>Saved</source>
        <extracomment>Passport column: a passport is stored and can be read on this desk.</extracomment>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Sealed (key not available)</source>
        <extracomment>Passport column: one is stored, sealed, but the key (system keychain) is not at hand, so it cannot be read or used.</extracomment>
        <translation>Scellé (clé indisponible)</translation>
    </message>
    <message>
        <source>—</source>
        <extracomment>Passport column: no passport is kept for this traveller.</extracomment>
        <translation>—</translation>
    </message>
    <message>
        <source>Passport saved</source>
        <translation>Passeport enregistré</translation>
    </message>
    <message>
        <source>Passport stored sealed; the key to read it is not available on this desk</source>
        <translation>Passeport gardé scellé ; la clé pour le lire n&apos;est pas disponible sur ce poste</translation>
    </message>
    <message>
        <source>No passport kept</source>
        <translation>Aucun passeport gardé</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <extracomment>%1 a date and time in the desk&apos;s time zone.</extracomment>
        <translation>Modifié le %1</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Column: the traveller&apos;s given and family names.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Born</source>
        <extracomment>Column: the date of birth, YYYY-MM-DD.</extracomment>
        <translation>Naissance</translation>
    </message>
    <message>
        <source>Email</source>
        <extracomment>Column: the traveller&apos;s e-mail address.</extracomment>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <extracomment>Column: the phone number, international format.</extracomment>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Passport</source>
        <extracomment>Column: whether a passport is kept (saved, sealed or none).</extracomment>
        <translation>Passeport</translation>
    </message>
    <message>
        <source>Updated</source>
        <extracomment>Column: when the profile last changed, in the desk&apos;s time zone.</extracomment>
        <translation>Modifié</translation>
    </message>
</context>
<context>
    <name>fd::ui::ScheduleQueueModel</name>
    <message>
        <source>%1 → %2</source>
        <extracomment>Departure → arrival, each in its airport&apos;s local time.</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Booking</source>
        <extracomment>Column: the booking reference (PNR) and order id.</extracomment>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Flight</source>
        <extracomment>Column: flight number and route, e.g. &quot;BA76 LOS → LHR&quot;.</extracomment>
        <translation>Vol</translation>
    </message>
    <message>
        <source>Was</source>
        <extracomment>Column: the times as booked, in each airport&apos;s local time.</extracomment>
        <translation>Horaire initial</translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>Column: the times the airline has now, in each airport&apos;s local time.</extracomment>
        <translation>Nouvel horaire</translation>
    </message>
    <message>
        <source>Received</source>
        <extracomment>Column: when the desk learned of the change.</extracomment>
        <translation>Reçu</translation>
    </message>
</context>
<context>
    <name>fd::ui::ScheduleQueuePage</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>Marquer comme &amp;traité</translation>
    </message>
    <message>
        <source>Take the selected change off the queue, once the passenger has been told.</source>
        <translation>Retirer de la file le changement sélectionné, une fois le passager informé.</translation>
    </message>
    <message>
        <source>No schedule changes to work. Changes the airlines make to booked flights appear here.</source>
        <translation>Aucun changement d&apos;horaire à traiter. Les changements apportés par les compagnies aériennes aux vols réservés apparaissent ici.</translation>
    </message>
    <message numerus="yes">
        <source>%n schedule change(s) to work, oldest first. Tell the passengers, then acknowledge each one.</source>
        <translation>
            <numerusform>%n changement d&apos;horaire à traiter. Prévenez les passagers, puis marquez-le comme traité.</numerusform>
            <numerusform>%n changements d&apos;horaire à traiter, du plus ancien au plus récent. Prévenez les passagers, puis marquez chacun comme traité.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::ui::SearchPage</name>
    <message>
        <source>Enter a route and dates, then press Enter or Search.</source>
        <extracomment>The status line before the first search.</extracomment>
        <translation>Saisissez un trajet et des dates, puis appuyez sur Entrée ou sur Rechercher.</translation>
    </message>
    <message>
        <source>Economy</source>
        <extracomment>Cabin classes, as the provider names them.</extracomment>
        <translation>Économique</translation>
    </message>
    <message>
        <source>Premium economy</source>
        <translation>Économique premium</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Affaires</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Première</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <extracomment>Date format of the departure and return date inputs.</extracomment>
        <translation>ddd d MMM yyyy</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Confirms the airport picked: %1 its name, %2 its country.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Enter the airport to fly from: its code (LOS), city or name.</source>
        <translation>Saisissez l&apos;aéroport de départ&#xa0;: son code (LOS), sa ville ou son nom.</translation>
    </message>
    <message>
        <source>Enter the airport to fly to: its code (LHR), city or name.</source>
        <translation>Saisissez l&apos;aéroport d&apos;arrivée&#xa0;: son code (LHR), sa ville ou son nom.</translation>
    </message>
    <message>
        <source>%1 has several airports (%2): pick one from the list or type its code.</source>
        <extracomment>%1 a city, %2 its airport codes.</extracomment>
        <translation>%1 compte plusieurs aéroports (%2)&#xa0;: choisissez-en un dans la liste ou tapez son code.</translation>
    </message>
    <message>
        <source>No airport matches &quot;%1&quot;: type a three-letter code, a city or an airport name and pick it from the list.</source>
        <translation>Aucun aéroport ne correspond à «&#xa0;%1&#xa0;»&#xa0;: tapez un code à trois lettres, une ville ou un nom d&apos;aéroport, puis choisissez-le dans la liste.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not searched yet. %1</source>
        <extracomment>%1 lists what is wrong, one sentence per problem.</extracomment>
        <translation>Recherche non lancée. %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>A route in the status line: origin code → destination code.</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <extracomment>Shown from the moment Search is pressed until the providers answer.</extracomment>
        <translation>Recherche %1…</translation>
    </message>
    <message>
        <source>No offers for %1 on those dates: try other dates, another airport or fewer passengers.</source>
        <extracomment>%1 the route, e.g. LOS → LHR.</extracomment>
        <translation>Aucune offre pour %1 à ces dates&#xa0;: essayez d&apos;autres dates, un autre aéroport ou moins de passagers.</translation>
    </message>
    <message>
        <source>1 offer for %1.</source>
        <translation>1 offre pour %1.</translation>
    </message>
    <message>
        <source>%1 offers for %2.</source>
        <extracomment>%1 the number of offers, %2 the route.</extracomment>
        <translation>%1 offres pour %2.</translation>
    </message>
    <message>
        <source>Select one and press Enter, or double-click it, to choose.</source>
        <translation>Sélectionnez-en une et appuyez sur Entrée, ou double-cliquez dessus, pour la choisir.</translation>
    </message>
    <message>
        <source>The booking server refused the API key (%1). Check the API key in Settings, then search again.</source>
        <extracomment>%1 the provider&apos;s answer.</extracomment>
        <translation>Le serveur de réservation a refusé la clé d&apos;API (%1). Vérifiez la clé d&apos;API dans les Paramètres, puis relancez la recherche.</translation>
    </message>
    <message>
        <source>Could not reach the booking server at %1 (%2). Check the API base URL in Settings and the network connection, then search again.</source>
        <extracomment>%1 the server address, %2 what went wrong.</extracomment>
        <translation>Impossible de joindre le serveur de réservation à l&apos;adresse %1 (%2). Vérifiez l&apos;URL de base de l&apos;API dans les Paramètres ainsi que la connexion réseau, puis relancez la recherche.</translation>
    </message>
    <message>
        <source>The booking server is having trouble and did not answer the search (%1). Search again in a minute.</source>
        <translation>Le serveur de réservation rencontre des difficultés et n&apos;a pas répondu à la recherche (%1). Relancez la recherche dans une minute.</translation>
    </message>
    <message>
        <source>The booking server did not accept the search: %1.</source>
        <translation>Le serveur de réservation n&apos;a pas accepté la recherche&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>La recherche a été annulée.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select an offer in the list first.</source>
        <translation>Sélectionnez d&apos;abord une offre dans la liste.</translation>
    </message>
    <message>
        <source>That offer expires in less than a minute, too soon to book: search again for fresh offers.</source>
        <translation>Cette offre expire dans moins d&apos;une minute, trop tôt pour réserver&#xa0;: relancez la recherche pour obtenir des offres à jour.</translation>
    </message>
    <message>
        <source>Selected: %1 — %2</source>
        <extracomment>The offer about to be chosen: %1 carrier and flights, %2 total price.</extracomment>
        <translation>Sélection&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <source> (attempt %1, the server is slow to answer)</source>
        <translation> (tentative %1, le serveur tarde à répondre)</translation>
    </message>
    <message>
        <source>Searching %1… %2 s%3</source>
        <extracomment>%1 the route, %2 seconds since Search was pressed, %3 empty or the retry attempt.</extracomment>
        <translation>Recherche %1… %2 s%3</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A provider&apos;s failure among several: %1 its name, %2 what went wrong and the fix.</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Waiting for %1.</source>
        <extracomment>%1 the providers that have not answered yet, e.g. &quot;Travelbase, Travomatrix&quot;.</extracomment>
        <translation>En attente de %1.</translation>
    </message>
    <message>
        <source>The booking server failed and asked not to retry (%1). Search again later; if it keeps failing, contact %2 support.</source>
        <extracomment>%1 what went wrong, %2 the provider&apos;s name.</extracomment>
        <translation>Le serveur de réservation a échoué et a demandé de ne pas réessayer (%1). Relancez la recherche plus tard&#xa0;; si l&apos;échec persiste, contactez le support de %2.</translation>
    </message>
    <message>
        <source>Selected: %1 — %2, sold by %3</source>
        <extracomment>The offer about to be chosen: %1 carrier and flights, %2 total price, %3 the provider selling it (the same trip may be sold by several).</extracomment>
        <translation>Sélection&#xa0;: %1 — %2, vendu par %3</translation>
    </message>
    <message>
        <source>%1 is searched as typed: the provider could not be asked for its airports (offline?), and this desk&apos;s own list does not have it.</source>
        <translation>%1 est recherché tel que saisi&#xa0;: impossible de demander ses aéroports au fournisseur (hors ligne&#xa0;?), et la liste propre à ce poste ne le contient pas.</translation>
    </message>
    <message>
        <source>%1 is searched as typed: no airport list this desk has names it; the provider says if it does not fly there.</source>
        <translation>%1 est recherché tel que saisi&#xa0;: aucune liste d&apos;aéroports de ce poste ne le mentionne&#xa0;; le fournisseur indiquera s&apos;il ne dessert pas cette destination.</translation>
    </message>
    <message>
        <source>Origin and destination are the same airport (%1): pick another destination.</source>
        <extracomment>%1 is an airport code.</extracomment>
        <translation>L&apos;origine et la destination sont le même aéroport (%1)&#xa0;: choisissez une autre destination.</translation>
    </message>
    <message>
        <source>Pick a departure date.</source>
        <translation>Choisissez une date de départ.</translation>
    </message>
    <message>
        <source>The departure date is in the past: pick %1 or later.</source>
        <extracomment>%1 is today&apos;s date.</extracomment>
        <translation>La date de départ est passée&#xa0;: choisissez le %1 ou une date ultérieure.</translation>
    </message>
    <message>
        <source>The return date is before the departure: pick %1 or later, or choose one way.</source>
        <translation>La date de retour précède le départ&#xa0;: choisissez le %1 ou une date ultérieure, ou optez pour un aller simple.</translation>
    </message>
    <message>
        <source>At least one adult must travel: children and infants fly with an adult.</source>
        <translation>Au moins un adulte doit voyager&#xa0;: les enfants et les bébés voyagent avec un adulte.</translation>
    </message>
    <message>
        <source>Each infant travels on an adult&apos;s lap: %1 infants need at least %1 adults, not %2.</source>
        <extracomment>Lap infants: each needs an adult&apos;s lap. %1 the number of infants, %2 of adults.</extracomment>
        <translation>Chaque bébé voyage sur les genoux d&apos;un adulte&#xa0;: %1 bébés nécessitent au moins %1 adultes, pas %2.</translation>
    </message>
    <message>
        <source>At most %1 passengers fit in one booking (%2 chosen): split the group into two searches.</source>
        <extracomment>%1 the maximum per booking, %2 the number chosen.</extracomment>
        <translation>Une réservation compte au plus %1 passagers (%2 choisis)&#xa0;: répartissez le groupe sur deux recherches.</translation>
    </message>
</context>
<context>
    <name>fd::ui::SettingsDialog</name>
    <message>
        <source>&amp;Hide</source>
        <extracomment>Toggle of a password field; &amp;Hide / Sho&amp;w keep their shortcut letters apart.</extracomment>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>A&amp;fficher</translation>
    </message>
    <message>
        <source>Plain http is allowed only to this computer (localhost, 127.0.0.1): the key and passenger data would travel readable. Use %1</source>
        <extracomment>%1 is the same address with https, e.g. https://api.example.com</extracomment>
        <translation>Le http simple n&apos;est autorisé que vers cet ordinateur (localhost, 127.0.0.1)&#xa0;: la clé et les données des passagers circuleraient en clair. Utilisez %1</translation>
    </message>
    <message>
        <source>Use an https:// address.</source>
        <translation>Utilisez une adresse https://.</translation>
    </message>
    <message>
        <source>Write it as IP address:port, e.g. 127.0.0.1:8787 or 0.0.0.0:8787.</source>
        <extracomment>HOST must be an IP address of this computer.</extracomment>
        <translation>Écrivez-la sous la forme adresse IP:port, p. ex. 127.0.0.1:8787 ou 0.0.0.0:8787.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Le port doit être un nombre compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Required with a listen address: the provider signs every webhook with it.</source>
        <translation>Obligatoire avec une adresse d&apos;écoute&#xa0;: le fournisseur signe chaque webhook avec ce secret.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <extracomment>Prefix of a problem shown under a settings field.</extracomment>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>1.00 is real time. For training, a smaller value shortens every wait of the checkout (0.10 runs ten times faster); HTTP timeouts stay as set.</source>
        <translation>1,00 correspond au temps réel. Pour la formation, une valeur plus petite raccourcit chaque attente du parcours de réservation (0,10 va dix fois plus vite)&#xa0;; les délais d&apos;expiration HTTP restent inchangés.</translation>
    </message>
    <message>
        <source>Training speed: every wait of the checkout runs %1 times faster than real time. Set 1.00 before booking for real customers.</source>
        <extracomment>%1 is how many times faster, e.g. 10.</extracomment>
        <translation>Vitesse de formation&#xa0;: chaque attente du parcours de réservation est %1 fois plus rapide qu&apos;en temps réel. Remettez 1,00 avant de réserver pour de vrais clients.</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <extracomment>Shown in a secret field while the system keychain is being asked for it.</extracomment>
        <translation>Lecture du trousseau…</translation>
    </message>
    <message>
        <source>From the agency portal</source>
        <translation>Depuis le portail agence</translation>
    </message>
    <message>
        <source>The saved value cannot be read: %1 Enter it again to replace it.</source>
        <extracomment>%1 says why, e.g. the keychain is locked.</extracomment>
        <translation>La valeur enregistrée est illisible&#xa0;: %1 Saisissez-la à nouveau pour la remplacer.</translation>
    </message>
    <message>
        <source>Saved in the system keychain.</source>
        <translation>Enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Warning: saved in a file readable only by you: %1. The system keychain was not available; saving again moves it there when it is.</source>
        <extracomment>%1 is a file path. Shown as a warning: the keychain was not available.</extracomment>
        <translation>Attention&#xa0;: enregistré dans un fichier lisible par vous seul&#xa0;: %1. Le trousseau du système n&apos;était pas disponible&#xa0;; un nouvel enregistrement l&apos;y déplacera lorsqu&apos;il le sera.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Non enregistré.</translation>
    </message>
    <message>
        <source>Enter the API key first: it is in the agency portal.</source>
        <translation>Saisissez d&apos;abord la clé d&apos;API&#xa0;: elle se trouve dans le portail agence.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <extracomment>%1 is the API base URL.
----------
%1 is the database URL.</extracomment>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connected. Wallet: %1 %2</source>
        <extracomment>%1 amount with thousands separators, %2 currency, e.g. 1,500.00 EUR.</extracomment>
        <translation>Connecté. Portefeuille&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>The API key was refused: check it in the agency portal.</source>
        <translation>La clé d&apos;API a été refusée&#xa0;: vérifiez-la dans le portail agence.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: check the URL. FlightDesk never ignores certificate errors.</source>
        <translation>La connexion sécurisée à %1 a échoué&#xa0;: vérifiez l&apos;URL. FlightDesk n&apos;ignore jamais les erreurs de certificat.</translation>
    </message>
    <message>
        <source>Cannot reach %1: check the URL and the network.</source>
        <translation>Impossible de joindre %1&#xa0;: vérifiez l&apos;URL et le réseau.</translation>
    </message>
    <message>
        <source>%1 has a problem right now (HTTP %2): try again later.</source>
        <translation>%1 rencontre actuellement un problème (HTTP %2)&#xa0;: réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server refused the request: check the URL and the key.</source>
        <translation>Le serveur a refusé la requête&#xa0;: vérifiez l&apos;URL et la clé.</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <extracomment>Second line of a failed connection test: the technical detail, for support.</extracomment>
        <translation>Détail&#xa0;: %1</translation>
    </message>
    <message>
        <source>fix the fields marked above, then save again.</source>
        <translation>corrigez les champs signalés ci-dessus, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>webhook secret</source>
        <translation>secret des webhooks</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the %1 cannot be kept there.

%2

FlightDesk can save it in a file that only your user account can read:
%3

Anyone who can use your account, or read its backups, can read that file. Save it there?</source>
        <extracomment>%1 e.g. &quot;Travelbase API key&quot; or &quot;webhook secret&quot;, %2 why the keychain failed, %3 a file path.</extracomment>
        <translation>Le trousseau du système n&apos;est pas disponible&#xa0;: impossible d&apos;y conserver «&#xa0;%1&#xa0;».

%2

FlightDesk peut l&apos;enregistrer dans un fichier que seul votre compte utilisateur peut lire&#xa0;:
%3

Toute personne pouvant utiliser votre compte, ou lire ses sauvegardes, peut lire ce fichier. L&apos;enregistrer à cet endroit&#xa0;?</translation>
    </message>
    <message>
        <source>Save the %1 in a file?</source>
        <translation>Enregistrer «&#xa0;%1&#xa0;» dans un fichier&#xa0;?</translation>
    </message>
    <message>
        <source>Save in a file</source>
        <translation>Enregistrer dans un fichier</translation>
    </message>
    <message>
        <source>The %1 was not saved: enter it again when the system keychain is unlocked.</source>
        <translation>Valeur non enregistrée («&#xa0;%1&#xa0;»)&#xa0;: saisissez-la à nouveau lorsque le trousseau du système sera déverrouillé.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <extracomment>%1 explains what failed.</extracomment>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 can be reached from other computers. Tick &quot;Accept webhooks from other computers&quot; to allow that, or use 127.0.0.1.</source>
        <extracomment>%1 is the address typed, e.g. 0.0.0.0. The checkbox label is quoted.</extracomment>
        <translation>%1 est joignable depuis d&apos;autres ordinateurs. Cochez «&#xa0;Accepter les webhooks d&apos;autres ordinateurs&#xa0;» pour l&apos;autoriser, ou utilisez 127.0.0.1.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <extracomment>%1 is a booking provider, e.g. Travelbase.</extracomment>
        <translation>Utiliser %1</translation>
    </message>
    <message>
        <source>%1 API base URL</source>
        <translation>URL de base de l&apos;API %1</translation>
    </message>
    <message>
        <source>%1 API key</source>
        <extracomment>%1 is a booking provider, e.g. Travelbase.</extracomment>
        <translation>clé d&apos;API %1</translation>
    </message>
    <message>
        <source>Show the %1 API key</source>
        <translation>Afficher la clé d&apos;API %1</translation>
    </message>
    <message>
        <source>Test the connection to %1</source>
        <translation>Tester la connexion à %1</translation>
    </message>
    <message>
        <source>Required: the address of the %1 API, e.g. %2</source>
        <extracomment>%1 is a booking provider, e.g. Travelbase; %2 an example address.</extracomment>
        <translation>Obligatoire&#xa0;: l&apos;adresse de l&apos;API %1, p. ex. %2</translation>
    </message>
    <message>
        <source>Not a full URL: write it like %1</source>
        <extracomment>%1 is an example address.</extracomment>
        <translation>URL incomplète&#xa0;: écrivez-la sous la forme %1</translation>
    </message>
    <message>
        <source>%1 answered, but it is not the %2 API (404 for its wallet): check the URL.</source>
        <extracomment>%1 is the API base URL, %2 a booking provider, e.g. Travelbase.</extracomment>
        <translation>%1 a répondu, mais ce n&apos;est pas l&apos;API %2 (404 pour son portefeuille)&#xa0;: vérifiez l&apos;URL.</translation>
    </message>
    <message>
        <source>agency database password</source>
        <translation>mot de passe de la base de données de l&apos;agence</translation>
    </message>
    <message>
        <source>Required: the address of the agency database, e.g. %1</source>
        <extracomment>%1 is an example address.</extracomment>
        <translation>Obligatoire&#xa0;: l&apos;adresse de la base de données de l&apos;agence, p. ex. %1</translation>
    </message>
    <message>
        <source>Take the password out of the URL and type it in the Password field: it is kept in the system keychain, never in the settings file.</source>
        <translation>Retirez le mot de passe de l&apos;URL et saisissez-le dans le champ Mot de passe&#xa0;: il est conservé dans le trousseau du système, jamais dans le fichier de paramètres.</translation>
    </message>
    <message>
        <source>Write it as a postgresql:// URL, e.g. %1</source>
        <extracomment>%1 is an example address.</extracomment>
        <translation>Écrivez-la sous la forme d&apos;une URL postgresql://, p. ex. %1</translation>
    </message>
    <message>
        <source>Not a usable database URL: %1</source>
        <extracomment>%1 says what is wrong with it (in English).</extracomment>
        <translation>URL de base de données inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Empty: PGPASSWORD or ~/.pgpass</source>
        <translation>Vide&#xa0;: PGPASSWORD ou ~/.pgpass</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <extracomment>%1 why, in one line, e.g. &quot;The agency journal ... cannot be reached: ...&quot;.</extracomment>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connected: schema v%1, 1 order</source>
        <extracomment>%1 the journal&apos;s schema version, %2 how many orders it holds.</extracomment>
        <translation>Connecté&#xa0;: schéma v%1, 1 commande</translation>
    </message>
    <message>
        <source>Connected: schema v%1, %2 orders</source>
        <translation>Connecté&#xa0;: schéma v%1, %2 commandes</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <extracomment>The language choice that follows the computer&apos;s: %1 that language&apos;s name.</extracomment>
        <translation>Celle du système (%1)</translation>
    </message>
</context>
<context>
    <name>fd::ui::WalletStatus</name>
    <message>
        <source>Wallet balance</source>
        <translation>Solde du portefeuille</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 a provider&apos;s name, %2 its wallet&apos;s balance, e.g. &quot;4,632.93 EUR&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Wallet: %1</source>
        <extracomment>The status bar&apos;s wallet balances, e.g. &quot;Wallet: Travelbase 4,632.93 EUR&quot;.</extracomment>
        <translation>Portefeuille&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fd::validation</name>
    <message>
        <source>An adult must be 12 or older on the day of departure; this passenger will be %1. Book a child ticket instead.</source>
        <translation>Un adulte doit avoir 12 ans ou plus le jour du départ&#xa0;; âge de ce passager à cette date&#xa0;: %1. Réservez plutôt un billet enfant.</translation>
    </message>
    <message>
        <source>A child must be 2 to 11 on the day of departure; this passenger will be %1. Book an infant ticket instead.</source>
        <translation>Un enfant doit avoir de 2 à 11 ans le jour du départ&#xa0;; âge de ce passager à cette date&#xa0;: %1. Réservez plutôt un billet bébé.</translation>
    </message>
    <message>
        <source>A child must be 2 to 11 on the day of departure; this passenger will be %1. Book an adult ticket instead.</source>
        <translation>Un enfant doit avoir de 2 à 11 ans le jour du départ&#xa0;; âge de ce passager à cette date&#xa0;: %1. Réservez plutôt un billet adulte.</translation>
    </message>
    <message>
        <source>An infant without a seat must be under 2 on the day of departure; this passenger will be %1. Book a child ticket instead.</source>
        <translation>Un bébé sans siège doit avoir moins de 2 ans le jour du départ&#xa0;; âge de ce passager à cette date&#xa0;: %1. Réservez plutôt un billet enfant.</translation>
    </message>
    <message>
        <source>This route crosses a border: enter the passenger&apos;s passport.</source>
        <translation>Ce trajet franchit une frontière&#xa0;: saisissez le passeport du passager.</translation>
    </message>
    <message>
        <source>Enter exactly one passport for each passenger.</source>
        <translation>Saisissez exactement un passeport par passager.</translation>
    </message>
    <message>
        <source>Only a passport is accepted (type &quot;passport&quot;).</source>
        <translation>Seul un passeport est accepté (type «&#xa0;passport&#xa0;»).</translation>
    </message>
    <message>
        <source>Use adult, child or infant_without_seat.</source>
        <translation>Utilisez adult, child ou infant_without_seat.</translation>
    </message>
    <message>
        <source>The offer has passenger %1 as %2, not %3.</source>
        <translation>L&apos;offre indique le passager %1 comme %2, et non %3.</translation>
    </message>
    <message>
        <source>Add at least one passenger.</source>
        <translation>Ajoutez au moins un passager.</translation>
    </message>
    <message>
        <source>The offer is for %1 passenger(s) but %2 were entered.</source>
        <translation>L&apos;offre concerne %1 passager(s) mais %2 ont été saisis.</translation>
    </message>
</context>
</TS>
