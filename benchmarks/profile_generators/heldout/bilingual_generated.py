"""A generated Bulgarian/English set: half the participants write in Bulgarian, half in English.

Language is drawn per participant, independently of the role, so a Bulgarian municipality's
request is as often answered by an English offer as by a Bulgarian one, and the other way
round. Each service has its own wording in each language, hand-written: titles and
descriptions in plain Cyrillic Bulgarian (definite and indefinite forms, plural, several verb
persons) and in plain English, with no shared product words between the two beyond the odd
Latin acronym (LED, GPS). Domain tags are noisy as people fill them in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.profile_generators.corpus import FORMAT, Corpus

from . import market
from .market import Member, Roles, Service


@dataclass(frozen=True)
class Wording:
    """One service in one language: request and offer titles and descriptions (alternatives)."""

    ask_titles: tuple[str, ...]
    ask_texts: tuple[str, ...]
    offer_titles: tuple[str, ...]
    offer_texts: tuple[str, ...]


def _w(ask_titles: str, ask_texts: str, offer_titles: str, offer_texts: str) -> Wording:
    """Alternatives are separated by " | "."""
    texts = (ask_titles, ask_texts, offer_titles, offer_texts)
    return Wording(*(tuple(part.strip() for part in text.split(" | ")) for text in texts))


# fmt: off
# key, family, domain, English wording, Bulgarian wording
SERVICES: tuple[tuple[Service, Wording, Wording], ...] = (
    (Service("street-lighting", "energy", "energy"),
     _w("Replace our old street lamps with LED | New street lighting for the town centre",
        "The municipality wants to replace about 3,000 sodium street lamps with efficient LED "
        "fittings and cut the electricity bill. | We need contractors for the modernisation of "
        "street lighting in residential areas.",
        "LED street lighting: design, supply and installation | Efficient outdoor lighting for "
        "municipalities",
        "We replace outdated street lamps with LED luminaires and guarantee the savings in the "
        "contract. | Lighting design, installation and ten years of maintenance."),
     _w("Подмяна на уличното осветление с LED осветители | Ново улично осветление в централната "
        "градска част",
        "Общината планира да подмени над 3000 натриеви лампи с енергоспестяващи LED осветители и "
        "да намали разходите за ток. | Търсим изпълнител за модернизация на уличното осветление в "
        "жилищните квартали.",
        "Енергоефективно улично осветление – доставка и монтаж | Проектиране на външно "
        "осветление за общини",
        "Подменяме остарелите улични лампи с LED осветители и гарантираме икономиите с договор. | "
        "Изготвяме светлотехнически проекти, монтираме осветлението и го поддържаме десет "
        "години.")),
    (Service("building-renovation", "energy", "buildings"),
     _w("Energy renovation of schools and kindergartens | Insulating our public buildings",
        "Several schools lose heat through old windows and uninsulated walls; we are looking for "
        "a firm to renovate them before the next heating season. | Energy audit and thermal "
        "renovation of the town hall and two kindergartens.",
        "Thermal renovation of public buildings | Energy audits and building insulation",
        "Our crews insulate facades and roofs and fit new windows, with an energy performance "
        "certificate at the end. | We audit buildings, design the measures and carry out the "
        "works."),
     _w("Саниране на училища и детски градини | Топлоизолация на общински сгради",
        "Няколко училища губят топлина през старите прозорци и неизолираните стени; търсим "
        "фирма, която да ги санира преди следващия отоплителен сезон. | Енергийно обследване и "
        "саниране на сградата на общината и на две детски градини.",
        "Саниране на обществени сгради | Енергийни обследвания и топлоизолация",
        "Нашите екипи полагат топлоизолация по фасадите и покривите и сменят дограмата, а накрая "
        "издаваме сертификат за енергийни характеристики. | Обследваме сградите, проектираме "
        "мерките и изпълняваме строителните работи.")),
    (Service("rooftop-solar", "energy", "energy"),
     _w("Solar panels on municipal roofs | Photovoltaics for our own consumption",
        "We would like to cover the roofs of schools and the sports hall with solar panels to "
        "produce our own electricity. | Looking for an installer of rooftop solar plants for "
        "public buildings.",
        "Rooftop solar plants, turnkey | Solar installations for public buildings",
        "We design, install and connect photovoltaic systems and monitor their output remotely. "
        "| Turnkey solar: roof survey, panels, inverters and grid connection."),
     _w("Фотоволтаици върху покривите на общински сгради | Слънчеви панели за собствено "
        "потребление",
        "Искаме да покрием покривите на училищата и на спортната зала със соларни панели, за да "
        "произвеждаме собствена електроенергия. | Търсим изпълнител на покривни фотоволтаични "
        "централи за обществени сгради.",
        "Покривни фотоволтаични централи до ключ | Соларни инсталации за обществени сгради",
        "Проектираме, изграждаме и присъединяваме фотоволтаични системи и следим "
        "производството им дистанционно. | Слънчева централа до ключ: оглед на покрива, панели, "
        "инвертори и присъединяване към мрежата.")),
    (Service("leak-detection", "water", "water"),
     _w("Finding leaks in the water network | Cutting water losses",
        "Almost half of the drinking water is lost in old pipes before it reaches the taps. We "
        "need help to find the leaks. | The water utility is looking for a partner to locate "
        "hidden leaks in the distribution network.",
        "Acoustic leak detection | Water loss reduction for utilities",
        "Our noise loggers and correlators pinpoint hidden leaks in pressurised pipes. | We "
        "divide the network into metered zones and cut non-revenue water."),
     _w("Откриване на течове във водопроводната мрежа | Намаляване на загубите на вода",
        "Почти половината от питейната вода се губи в старите тръби, преди да стигне до "
        "чешмите. Нуждаем се от помощ, за да открием течовете. | Водоснабдителното дружество "
        "търси партньор, който да локализира скритите течове в разпределителната мрежа.",
        "Акустично откриване на течове | Намаляване на водните загуби за ВиК дружества",
        "Нашите шумови регистратори и корелатори откриват скритите течове в тръбите под "
        "налягане. | Разделяме мрежата на зони с измерване и намаляваме нефактурираната вода.")),
    (Service("smart-meters", "water", "water"),
     _w("Remote reading of water meters | Smart water meters for households",
        "Our inspectors still read meters door to door; we want meters that report consumption "
        "by radio. | Replacement of 20,000 household water meters with remotely read ones.",
        "Smart water meters with radio reading | Automatic meter reading",
        "Ultrasonic meters that send a reading every hour, with alarms for leaks and tampering. "
        "| Meters, radio network and billing interface from one supplier."),
     _w("Дистанционно отчитане на водомери | Интелигентни водомери за домакинствата",
        "Нашите инкасатори все още обикалят от врата на врата; искаме водомери, които да "
        "изпращат показанията по радиоканал. | Подмяна на 20 000 битови водомера с такива с "
        "дистанционно отчитане.",
        "Интелигентни водомери с радиоотчитане | Автоматично отчитане на потреблението",
        "Ултразвукови водомери, които изпращат показание всеки час и подават сигнал при теч или "
        "намеса. | Водомери, радиомрежа и връзка със системата за фактуриране от един "
        "доставчик.")),
    (Service("flood-warning", "water", "safety"),
     _w("Early warning for river floods | Monitoring river levels",
        "After last spring's floods we want to know hours in advance when the river will "
        "rise. | We need water level gauges and alerts for the civil protection staff.",
        "Flood early warning systems | River level sensors and alerts",
        "Radar gauges, forecasts for the next two days and text alerts to your crews. | We "
        "install level sensors on bridges and warn you before the water arrives."),
     _w("Ранно предупреждение за наводнения | Наблюдение на нивото на реката",
        "След наводненията миналата пролет искаме да знаем часове по-рано кога реката ще "
        "придойде. | Нуждаем се от датчици за нивото на водата и от известяване за служителите "
        "по гражданска защита.",
        "Системи за ранно предупреждение при наводнения | Датчици за нивото на реките и "
        "известяване",
        "Радарни нивомери, прогнози за следващите два дни и SMS известия до вашите екипи. | "
        "Монтираме датчици по мостовете и ви предупреждаваме, преди водата да е дошла.")),
    (Service("bus-tracking", "mobility", "mobility"),
     _w("Real-time information for bus passengers | When is my bus coming?",
        "Passengers complain that they never know when the next bus will arrive. We want "
        "displays at stops and an app. | Vehicle tracking and arrival times for the urban bus "
        "lines.",
        "Real-time passenger information | GPS tracking for public transport fleets",
        "We fit buses with GPS units and show accurate arrival times on stop displays and "
        "phones. | Fleet tracking, arrival predictions and e-paper displays for stops."),
     _w("Информация в реално време за пътниците | Кога идва автобусът?",
        "Пътниците се оплакват, че никога не знаят кога ще дойде следващият автобус. Искаме "
        "табла на спирките и мобилно приложение. | Проследяване на превозните средства и "
        "времена на пристигане за градските автобусни линии.",
        "Информационни системи за пътници в реално време | GPS проследяване на градския "
        "транспорт",
        "Оборудваме автобусите с GPS устройства и показваме точното време на пристигане на "
        "таблата по спирките и в телефона. | Проследяване на автопарка, прогнози за "
        "пристигане и електронни табла за спирките.")),
    (Service("parking", "mobility", "mobility"),
     _w("Finding a parking space in the centre | Paid parking by phone",
        "Drivers circle the centre looking for a space; we want sensors and an app that shows "
        "free places. | Introducing payment for street parking by mobile phone.",
        "Parking sensors and guidance app | Mobile parking payment",
        "Sensors in each bay and an app that leads drivers to a free space. | Drivers pay by "
        "SMS or app, and wardens check on a handheld."),
     _w("Свободно място за паркиране в центъра | Платено паркиране по телефона",
        "Шофьорите обикалят центъра в търсене на място; искаме датчици и приложение, което "
        "показва свободните места. | Въвеждане на плащане на уличното паркиране с мобилен "
        "телефон.",
        "Паркинг датчици и приложение за насочване | Плащане на паркиране с мобилен телефон",
        "Датчик във всяко място и приложение, което отвежда шофьора до свободното място. | "
        "Шофьорите плащат с SMS или през приложението, а контрольорите проверяват с ръчен "
        "терминал.")),
    (Service("bike-sharing", "mobility", "mobility"),
     _w("A bike sharing scheme for the city | Public bicycles for residents and students",
        "We would like to offer residents shared bicycles at stations near the university and "
        "the bus station. | Looking for an operator of public bike and e-bike rental.",
        "Bike sharing systems | Public e-bike rental, operated for you",
        "Docking stations, sturdy bikes and an app; we run the service and keep the bikes in "
        "shape. | Electric bikes, stations and maintenance under one contract."),
     _w("Система за споделено ползване на велосипеди | Обществени велосипеди за жители и "
        "студенти",
        "Искаме да предложим на жителите споделени велосипеди на станции до университета и до "
        "автогарата. | Търсим оператор на обществени велосипеди и електрически велосипеди под "
        "наем.",
        "Системи за споделени велосипеди | Обществени електрически велосипеди под наем",
        "Станции за паркиране, здрави велосипеди и приложение; ние поддържаме услугата и "
        "велосипедите. | Електрически велосипеди, станции и поддръжка с един договор.")),
    (Service("ev-charging", "mobility", "energy"),
     _w("Charging points for electric cars | Public chargers in municipal car parks",
        "There is hardly anywhere to charge an electric car in town; we want public chargers "
        "in our car parks. | A partner to build and operate charging stations on municipal land.",
        "EV charging stations, installed and operated | Fast chargers for towns",
        "We install, run and maintain chargers at no upfront cost to the municipality. | AC and "
        "DC chargers with card payment and roaming."),
     _w("Зарядни станции за електромобили | Обществени зарядни на общинските паркинги",
        "В града почти няма къде да се зареди електрически автомобил; искаме обществени зарядни "
        "станции на нашите паркинги. | Партньор, който да изгради и да експлоатира зарядни "
        "станции на общински терени.",
        "Зарядни станции за електромобили – изграждане и експлоатация | Бързи зарядни за "
        "градовете",
        "Монтираме, експлоатираме и поддържаме зарядните станции без първоначални разходи за "
        "общината. | Зарядни за променлив и постоянен ток с плащане с карта и роуминг.")),
    (Service("bin-sensors", "waste", "circular-economy"),
     _w("Sensors in waste containers | Emptying only the full bins",
        "Our trucks empty half-empty containers while others overflow; we want to know how "
        "full each one is. | Fill-level sensors for the glass and paper bins.",
        "Fill-level sensors for waste bins | Smarter waste collection routes",
        "A small sensor under the lid reports how full the bin is, and our software plans the "
        "route. | Collect only full containers and save fuel."),
     _w("Датчици в контейнерите за отпадъци | Извозване само на пълните контейнери",
        "Камионите ни изпразват полупразни контейнери, докато други преливат; искаме да знаем "
        "колко е пълен всеки от тях. | Датчици за запълване на контейнерите за стъкло и хартия.",
        "Датчици за нивото на запълване на контейнери | По-умни маршрути за сметосъбиране",
        "Малък датчик под капака съобщава колко е пълен контейнерът, а нашият софтуер планира "
        "маршрута. | Извозвайте само пълните контейнери и пестете гориво.")),
    (Service("biowaste", "waste", "circular-economy"),
     _w("Composting garden and food waste | Separate collection of biowaste",
        "Green waste from parks and households goes to landfill; we want to compost it. | We "
        "need a composting installation and brown bins for biodegradable waste.",
        "Composting plants for municipalities | Biowaste collection and treatment",
        "We build and run composting sites that turn garden and kitchen waste into compost. | "
        "Brown bins, collection and a composting plant as one service."),
     _w("Компостиране на растителни и хранителни отпадъци | Разделно събиране на биоотпадъци",
        "Зелените отпадъци от парковете и домакинствата отиват на сметището; искаме да ги "
        "компостираме. | Нуждаем се от компостираща инсталация и кафяви контейнери за "
        "биоразградими отпадъци.",
        "Компостиращи инсталации за общини | Събиране и третиране на биоотпадъци",
        "Изграждаме и управляваме площадки, на които растителните и кухненските отпадъци се "
        "превръщат в компост. | Кафяви контейнери, събиране и компостираща инсталация като една "
        "услуга.")),
    (Service("e-services", "digital", "governance"),
     _w("Online municipal services for citizens | Fewer queues at the town hall",
        "People queue for hours for simple certificates; we want to offer services online with "
        "electronic identification. | Digitalisation of administrative services and online "
        "payment of local taxes.",
        "E-government portals | Online services for local administrations",
        "A portal where citizens apply, pay local taxes and follow their applications. | We "
        "digitise forms and connect them to your back office."),
     _w("Електронни общински услуги за гражданите | По-малко опашки в общината",
        "Хората чакат с часове за обикновени удостоверения; искаме да предлагаме услугите "
        "онлайн с електронна идентификация. | Дигитализация на административните услуги и "
        "онлайн плащане на местните данъци.",
        "Портали за електронно управление | Онлайн услуги за местната администрация",
        "Портал, в който гражданите подават заявления, плащат местни данъци и следят "
        "преписките си. | Превръщаме хартиените формуляри в електронни и ги свързваме с "
        "вашата деловодна система.")),
    (Service("digital-archive", "digital", "governance"),
     _w("Digitising the municipal archive | Electronic document management",
        "Decades of paper files fill the basement; we need them scanned and searchable. | An "
        "electronic records system with electronic signatures for the administration.",
        "Document scanning and digital archives | Records management software",
        "We scan, index and store your paper archive and make it searchable. | Document "
        "management with electronic signatures and retention rules."),
     _w("Дигитализация на общинския архив | Електронно управление на документи",
        "Десетилетия хартиени преписки запълват мазето; нуждаем се от сканиране и търсене по "
        "тях. | Електронна деловодна система с електронен подпис за администрацията.",
        "Сканиране на документи и електронни архиви | Софтуер за деловодство",
        "Сканираме, индексираме и съхраняваме хартиения ви архив и го правим достъпен за "
        "търсене. | Деловодна система с електронен подпис и срокове за съхранение.")),
    (Service("gis", "digital", "ict"),
     _w("A digital map of municipal property | Geographic information system for planning",
        "We do not know exactly which plots and buildings the municipality owns; we want them "
        "on a map. | A GIS for urban planning and the cadastre.",
        "GIS and digital maps for local government | Spatial data platforms",
        "We put your property, networks and plans on one web map. | Surveying, spatial data and "
        "GIS software for municipalities."),
     _w("Дигитална карта на общинската собственост | Географска информационна система за "
        "устройство на територията",
        "Не знаем точно кои имоти и сгради притежава общината; искаме да ги видим на карта. | "
        "ГИС за устройственото планиране и кадастъра.",
        "ГИС и дигитални карти за местната власт | Платформи за пространствени данни",
        "Нанасяме имотите, мрежите и плановете ви върху една уеб карта. | Геодезическо "
        "заснемане, пространствени данни и ГИС софтуер за общини.")),
    (Service("air-quality", "environment", "environment"),
     _w("Measuring air pollution in winter | Air quality sensors near schools",
        "In winter the air is heavy with smoke from stoves; we want to measure fine particles "
        "in every district. | A network of air quality sensors with public data.",
        "Air quality monitoring networks | Particulate matter sensors",
        "Compact sensors for PM2.5, PM10 and NO2, calibrated and shown on a public map. | We "
        "install, calibrate and maintain air monitoring stations."),
     _w("Измерване на замърсяването на въздуха през зимата | Датчици за качеството на въздуха "
        "край училищата",
        "През зимата въздухът е тежък от дима на печките; искаме да измерваме фините прахови "
        "частици във всеки квартал. | Мрежа от датчици за качеството на въздуха с публични "
        "данни.",
        "Мрежи за мониторинг на качеството на въздуха | Датчици за фини прахови частици",
        "Компактни датчици за ФПЧ2,5, ФПЧ10 и азотен диоксид, калибрирани и показани на "
        "публична карта. | Монтираме, калибрираме и поддържаме станции за наблюдение на "
        "въздуха.")),
    (Service("urban-greening", "environment", "environment"),
     _w("Planting trees and caring for parks | Greener streets against summer heat",
        "Streets get unbearably hot in summer; we want more trees and someone to look after "
        "them. | Maintenance of parks and an inventory of street trees.",
        "Tree planting and park maintenance | Landscaping for towns",
        "Our arborists plant and care for street trees and keep a digital register of each. | "
        "Park design, planting and year-round maintenance."),
     _w("Засаждане на дървета и поддръжка на парковете | По-зелени улици срещу летните жеги",
        "През лятото улиците стават непоносимо горещи; искаме повече дървета и някой, който да "
        "се грижи за тях. | Поддръжка на парковете и опис на уличните дървета.",
        "Озеленяване и поддръжка на паркове | Ландшафтно оформяне за градовете",
        "Нашите дендролози засаждат и поддържат уличните дървета и водят електронен регистър "
        "на всяко от тях. | Проектиране на паркове, засаждане и поддръжка през цялата година.")),
    (Service("telecare", "care", "health"),
     _w("Help for elderly people living alone | Emergency buttons for seniors",
        "Many elderly residents in the villages live alone; we want them to be able to call for "
        "help at any time. | A home alarm service with fall detection for older people.",
        "Telecare and personal alarms | Remote care for older people",
        "A pendant with fall detection and a call centre that answers day and night. | We "
        "connect seniors at home with carers and family."),
     _w("Помощ за самотно живеещи възрастни хора | Бутон за спешна помощ за възрастни",
        "Много от възрастните жители на селата живеят сами; искаме да могат да повикат помощ по "
        "всяко време. | Услуга за домашна аларма с откриване на падане за възрастни хора.",
        "Дистанционни грижи и лични аларми | Грижа от разстояние за възрастни хора",
        "Медальон, който разпознава падане, и център, който отговаря денонощно. | Свързваме "
        "възрастните хора у дома с техните близки и със социалните работници.")),
    (Service("appointments", "care", "health"),
     _w("Online booking for the municipal clinic | Shorter waiting times at the polyclinic",
        "Patients queue at dawn to get an appointment; we want online and phone booking. | An "
        "appointment system for the doctors of the municipal hospital.",
        "Online appointment booking for clinics | Patient scheduling software",
        "Patients book and cancel appointments online and get SMS reminders. | Scheduling for "
        "clinics, with fewer missed appointments."),
     _w("Онлайн записване на часове в общинската поликлиника | По-кратко чакане при лекаря",
        "Пациентите чакат на опашка от зори, за да си запишат час; искаме записване онлайн и по "
        "телефона. | Система за записване на часове при лекарите в общинската болница.",
        "Онлайн записване на часове за клиники | Софтуер за график на пациентите",
        "Пациентите записват и отменят часовете си онлайн и получават напомняне с SMS. | "
        "Графици за медицински центрове с по-малко пропуснати прегледи.")),
    (Service("heritage-guide", "culture", "tourism"),
     _w("An audio guide for the old town | Bringing visitors to our museums",
        "Tourists walk past our churches and museums without knowing their stories; we want an "
        "app with audio guides. | A multilingual guide for the fortress and the historical "
        "museum.",
        "Audio guides and museum apps | Digital storytelling for heritage sites",
        "Visitors scan a code and hear the story of the place in their language. | We write, "
        "record and publish tours for museums and historic towns."),
     _w("Аудиогид за стария град | Повече посетители в нашите музеи",
        "Туристите минават покрай църквите и музеите ни, без да знаят историята им; искаме "
        "приложение с аудиогидове. | Многоезичен пътеводител за крепостта и историческия "
        "музей.",
        "Аудиогидове и приложения за музеи | Дигитални разкази за културно наследство",
        "Посетителите сканират код и чуват историята на мястото на своя език. | Пишем, "
        "озвучаваме и публикуваме обиколки за музеи и исторически градове.")),
    (Service("event-tickets", "culture", "tourism"),
     _w("Selling tickets for festivals online | One calendar for cultural events",
        "Tickets for our summer festival are still sold only at the box office. | A platform for "
        "the cultural calendar of the municipality with online ticket sales.",
        "Online ticketing for events | Event calendars and ticket sales",
        "Sell tickets online and check them at the door with a phone. | A shared calendar and "
        "box office for theatres, galleries and festivals."),
     _w("Онлайн продажба на билети за фестивали | Общ календар на културните събития",
        "Билетите за летния ни фестивал все още се продават само на касата. | Платформа за "
        "културния календар на общината с онлайн продажба на билети.",
        "Онлайн билети за събития | Календари на събитията и продажба на билети",
        "Продавайте билети онлайн и ги проверявайте на входа с телефон. | Общ календар и каса "
        "за театри, галерии и фестивали.")),
    (Service("video-surveillance", "security", "safety"),
     _w("Cameras for the central square and parks | Video surveillance against vandalism",
        "Benches and playgrounds keep getting vandalised at night; we want cameras linked to "
        "the police. | Extension of the video surveillance system in public places.",
        "Video surveillance for public spaces | CCTV with privacy protection",
        "Cameras with automatic face blurring and a control room for real incidents. | We "
        "design, install and maintain camera systems for towns."),
     _w("Камери на централния площад и в парковете | Видеонаблюдение срещу вандализъм",
        "Вандали постоянно трошат пейките и детските площадки през нощта; искаме камери, "
        "свързани с полицията. | Разширяване на системата за видеонаблюдение на обществени "
        "места.",
        "Видеонаблюдение на обществени места | Системи за видеонаблюдение със защита на личните "
        "данни",
        "Камери с автоматично замъгляване на лицата и диспечерски център за истинските "
        "инциденти. | Проектираме, изграждаме и поддържаме системи от камери за градовете.")),
)

# (English, Bulgarian) town names; each organisation form is used once per town, in one language
# (up to about 100 cities: beyond that a town's second municipality is numbered).
TOWNS = (
    ("Gabrovo", "Габрово"), ("Ruse", "Русе"), ("Vidin", "Видин"), ("Lovech", "Ловеч"),
    ("Smolyan", "Смолян"), ("Kardzhali", "Кърджали"), ("Yambol", "Ямбол"), ("Sliven", "Сливен"),
    ("Targovishte", "Търговище"), ("Shumen", "Шумен"), ("Razgrad", "Разград"),
    ("Silistra", "Силистра"), ("Dobrich", "Добрич"), ("Pernik", "Перник"),
    ("Kyustendil", "Кюстендил"), ("Blagoevgrad", "Благоевград"), ("Pazardzhik", "Пазарджик"),
    ("Haskovo", "Хасково"), ("Montana", "Монтана"), ("Vratsa", "Враца"), ("Pleven", "Плевен"),
    ("Veliko Tarnovo", "Велико Търново"), ("Burgas", "Бургас"), ("Varna", "Варна"),
    ("Plovdiv", "Пловдив"), ("Stara Zagora", "Стара Загора"), ("Samokov", "Самоков"),
    ("Botevgrad", "Ботевград"), ("Kazanlak", "Казанлък"), ("Karlovo", "Карлово"),
    ("Troyan", "Троян"), ("Sevlievo", "Севлиево"), ("Dupnitsa", "Дупница"), ("Petrich", "Петрич"),
    ("Sandanski", "Сандански"), ("Svishtov", "Свищов"), ("Nova Zagora", "Нова Загора"),
    ("Asenovgrad", "Асеновград"), ("Aytos", "Айтос"), ("Nesebar", "Несебър"),
    ("Velingrad", "Велинград"), ("Panagyurishte", "Панагюрище"), ("Gotse Delchev", "Гоце Делчев"),
    ("Razlog", "Разлог"), ("Bansko", "Банско"), ("Lom", "Лом"), ("Byala Slatina", "Бяла Слатина"),
    ("Elena", "Елена"), ("Tryavna", "Трявна"), ("Teteven", "Тетевен"),
    ("Balchik", "Балчик"), ("Kavarna", "Каварна"), ("Pomorie", "Поморие"), ("Sozopol", "Созопол"),
    ("Primorsko", "Приморско"), ("Tsarevo", "Царево"), ("Sredets", "Средец"),
    ("Karnobat", "Карнобат"), ("Sungurlare", "Сунгурларе"), ("Kotel", "Котел"),
    ("Tvarditsa", "Твърдица"), ("Elhovo", "Елхово"), ("Topolovgrad", "Тополовград"),
    ("Harmanli", "Харманли"), ("Svilengrad", "Свиленград"), ("Ivaylovgrad", "Ивайловград"),
    ("Momchilgrad", "Момчилград"), ("Krumovgrad", "Крумовград"), ("Zlatograd", "Златоград"),
    ("Madan", "Мадан"), ("Devin", "Девин"), ("Chepelare", "Чепеларе"), ("Peshtera", "Пещера"),
    ("Bratsigovo", "Брацигово"), ("Rakitovo", "Ракитово"), ("Septemvri", "Септември"),
    ("Strelcha", "Стрелча"), ("Koprivshtitsa", "Копривщица"), ("Pirdop", "Пирдоп"),
    ("Zlatitsa", "Златица"), ("Etropole", "Етрополе"), ("Pravets", "Правец"), ("Svoge", "Своге"),
    ("Kostinbrod", "Костинброд"), ("Ihtiman", "Ихтиман"), ("Elin Pelin", "Елин Пелин"),
    ("Radomir", "Радомир"), ("Breznik", "Брезник"), ("Tran", "Трън"), ("Bobov Dol", "Бобов дол"),
    ("Rila", "Рила"), ("Simitli", "Симитли"), ("Kresna", "Кресна"), ("Belitsa", "Белица"),
    ("Yakoruda", "Якоруда"), ("Mezdra", "Мездра"), ("Kozloduy", "Козлодуй"),
    ("Oryahovo", "Оряхово"), ("Berkovitsa", "Берковица"), ("Chiprovtsi", "Чипровци"),
)
# (organisation type, English form, Bulgarian form)
BUYER_FORMS = (
    ("city", "Municipality of {t}", "Община {t}"),
    ("public-body", "Regional Administration of {t}", "Областна администрация – {t}"),
    ("public-body", "{t} Water and Sewerage Utility", "Водоснабдяване и канализация – {t}"),
    ("public-body", "{t} Municipal Hospital", "Общинска болница – {t}"),
    ("cluster", "{t} Smart City Cluster", "Клъстер „Умен град“ – {t}"),
    ("association", "{t} Sustainable Development Association",
     "Сдружение за устойчиво развитие – {t}"),
)
STEMS = (("Energo", "Енерго"), ("Aqua", "Аква"), ("Eco", "Еко"), ("Smart", "Смарт"),
         ("Data", "Дата"), ("Traffic", "Трафик"), ("Terra", "Терра"), ("Vita", "Вита"),
         ("Nova", "Нова"), ("Balkan", "Балкан"), ("Rodopi", "Родопи"), ("Dunav", "Дунав"),
         ("Pirin", "Пирин"), ("Trakia", "Тракия"), ("Vitosha", "Витоша"), ("Hemus", "Хемус"),
         ("Stream", "Стрийм"), ("City", "Сити"), ("Green", "Грийн"), ("Lumen", "Лумен"))
TAILS = (("tech", "тех"), ("system", "систем"), ("service", "сървис"), ("engineering",
         "инженеринг"), ("solutions", "солюшънс"), ("control", "контрол"), ("link", "линк"),
         ("vision", "вижън"))
LEGAL = (("Ltd", "ООД"), ("EOOD", "ЕООД"), ("JSC", "АД"))
FOREIGN = ("GR", "RO", "DE", "AT", "NL", "RS", "MK", "TR", "IT")
KINDS = {
    "company": ("an engineering company", "инженерингова компания"),
    "startup": ("a young technology company", "млада технологична компания"),
    "research": ("a research institute", "научноизследователски институт"),
    "university": ("a university laboratory", "университетска лаборатория"),
}
ASK_EXTRAS = (
    ("The project is funded by the regional development programme.",
     "Проектът се финансира по програмата за регионално развитие."),
    ("We welcome partners who have done similar projects.",
     "Ще се радваме на партньори с опит в подобни проекти."),
    ("The budget is about EUR {n} thousand.", "Бюджетът е около {n} хил. евро."),
    ("Offers are expected by the end of the month.", "Очакваме предложения до края на месеца."),
    ("", ""),
)
OFFER_EXTRAS = (
    ("We have worked with municipalities since 20{y}.", "Работим с общини от 20{y} г."),
    ("Projects delivered in {n} towns.", "Имаме изпълнени проекти в {n} града."),
    ("Contact us for a free consultation.", "Свържете се с нас за безплатна консултация."),
    ("Our team speaks Bulgarian and English.", "Екипът ни говори български и английски."),
    ("", ""),
)
ROLES = Roles(
    supplier_types=(("company", 12), ("startup", 5), ("research", 1), ("university", 1)),
    buyer_types=(("city", 5), ("public-body", 3), ("cluster", 1), ("association", 1)),
    trader_types=(("company", 3), ("startup", 1)),
    buyers=0.42,
    traders=0.1,
)
# fmt: on
WORDING = {service.key: (english, bulgarian) for service, english, bulgarian in SERVICES}


def _names(rng: random.Random, members: list[Member], bulgarian: list[bool]) -> list[str]:
    names = market.Names()
    forms_left = [(t, f) for t in range(len(TOWNS)) for f in range(len(BUYER_FORMS))]
    rng.shuffle(forms_left)
    found: list[str] = []
    lang = [1 if bg else 0 for bg in bulgarian]
    for i, m in enumerate(members):
        if m.same_as is not None:
            found.append("")
        elif m.organisation_type in market.PURE_BUYER_TYPES:
            fitting = [
                k for k, (t, f) in enumerate(forms_left) if BUYER_FORMS[f][0] == m.organisation_type
            ]
            if fitting:
                town, form = forms_left.pop(fitting[0])
            else:  # every town has one already: a numbered namesake in another language
                town = rng.randrange(len(TOWNS))
                form = next(f for f, b in enumerate(BUYER_FORMS) if b[0] == m.organisation_type)
            pattern = BUYER_FORMS[form][1 + lang[i]]
            found.append(names.take(pattern.format(t=TOWNS[town][lang[i]])))
        else:
            stem, tail, legal = rng.choice(STEMS), rng.choice(TAILS), rng.choice(LEGAL)
            found.append(names.take(f"{stem[lang[i]]}{tail[lang[i]]} {legal[lang[i]]}"))
    for i, m in enumerate(members):
        if m.same_as is not None:
            found[i] = market.respelt(rng, found[m.same_as])
    return found


def _languages(rng: random.Random, members: list[Member]) -> list[bool]:
    """True for a member who writes in Bulgarian: half of them, drawn independently of role."""
    bulgarian = [rng.random() < 0.5 for _ in members]
    first_rival: dict[str, int] = {}
    for i, m in enumerate(members):
        if m.same_as is not None:
            bulgarian[i] = bulgarian[m.same_as]
        if m.role == "rival":
            bulgarian[i] = bulgarian[first_rival.setdefault(m.supplies[0].key, i)]
    return bulgarian


def _extra(rng: random.Random, choices: tuple[tuple[str, str], ...], lang: int) -> str:
    return rng.choice(choices)[lang].format(n=rng.randrange(3, 60), y=rng.randrange(10, 24))


def _opportunity(
    rng: random.Random, kind: str, service: Service, lang: int, extras: bool = True
) -> dict[str, object]:
    wording = WORDING[service.key][lang]
    if kind == "request":
        title, text = rng.choice(wording.ask_titles), rng.choice(wording.ask_texts)
        extra = _extra(rng, ASK_EXTRAS, lang) if extras else ""
    else:
        title, text = rng.choice(wording.offer_titles), rng.choice(wording.offer_texts)
        extra = _extra(rng, OFFER_EXTRAS, lang) if extras else ""
    found: dict[str, object] = {
        "kind": kind,
        "title": title,
        "description": f"{text} {extra}".strip(),
    }
    domains = market.opportunity_domains(rng, service)
    if domains is not None:
        found["domains"] = domains
    return found


def _about(rng: random.Random, m: Member, organisation: str, lang: int, town: str) -> str:
    if m.organisation_type in market.PURE_BUYER_TYPES:
        return (
            "Local public organisation; we look for partners for our projects.",
            "Местна обществена организация; търсим партньори за нашите проекти.",
        )[lang]
    kind = KINDS[m.organisation_type][lang]
    if lang:
        return f"{organisation.strip()} е {kind} със седалище в град {town}."
    return f"{organisation.strip()} is {kind} based in {town}."


def generate(participants: int, seed: int) -> Corpus:
    rng = random.Random(f"bilingual-generated-{seed}")
    built = market.build(participants, rng, [service for service, _, _ in SERVICES], ROLES)
    bulgarian = _languages(rng, built.members)
    organisations = _names(rng, built.members, bulgarian)
    entries = []
    for i, m in enumerate(built.members):
        lang = 1 if bulgarian[i] else 0
        country = "BG" if lang or rng.random() < 0.7 else rng.choice(FOREIGN)
        opportunities = [_opportunity(rng, "request", s, lang) for s in m.wants]
        for s in m.supplies:
            # Rivals of one service share one text, word for word.
            voice = random.Random(f"{seed}-{s.key}") if m.role == "rival" else rng
            opportunities.append(_opportunity(voice, "offer", s, lang, m.role != "rival"))
        entry: dict[str, object] = {
            "id": m.id,
            "organisation": organisations[i],
            "organisation_type": m.organisation_type,
            "country": country,
            "domains": market.profile_domains(rng, m),
            "description": _about(rng, m, organisations[i], lang, rng.choice(TOWNS)[lang]),
            "opportunities": opportunities,
        }
        if m.exclude:
            entry["exclude"] = list(m.exclude)
        entries.append(entry)
    return Corpus(
        name="bilingual_generated",
        document={"format": FORMAT, "participants": entries},
        relevance=built.relevance,
        competitor_traps=built.rivals,
    )
