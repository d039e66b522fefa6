package dev.tidesk.demo;

import dev.tidesk.identity.Role;
import dev.tidesk.team.Specialty;
import dev.tidesk.ticket.Urgency;
import java.util.List;
import java.util.Set;

/**
 * The content of the demo: client organizations, staff, request topics and the phrases people
 * use in a conversation. Pure data, no logic; every e-mail is on a reserved {@code .example}
 * domain so that nothing is ever mailed to a real address.
 */
final class DemoData {

    /** The one password of every demo login, documented in {@code docs/demo.md}. */
    static final String PASSWORD = "demo12345";

    static final String STAFF_DOMAIN = "tidesk.example";

    private DemoData() {}

    /** What kind of requests fit an organization: an online shop gets orders, a clinic bookings. */
    enum Kind {
        SHOP,
        BOOKING
    }

    record ContactSeed(String fullName, String localPart, String phone, String position, String language) {}

    record SiteSeed(String name, String liveUrl, String testUrl) {}

    /**
     * @param premium a client with a personal manager: most of its requests go to the manager
     * @param weight  how many requests it sends compared to the others
     */
    record OrgSeed(
            String name,
            String domain,
            boolean premium,
            int weight,
            Set<Kind> kinds,
            List<ContactSeed> contacts,
            List<SiteSeed> sites) {}

    record StaffSeed(String fullName, String localPart, Role role, Specialty specialty) {}

    /**
     * A typical request.
     *
     * @param resolution what support did, used in the final reply
     * @param specialty  who does the work behind the scenes
     * @param kind       the organizations it fits; {@code null} for everyone
     */
    record Topic(String subject, String body, String resolution, Specialty specialty, Urgency urgency, Kind kind) {}

    static final List<StaffSeed> STAFF = List.of(
            new StaffSeed("Ольга Смирнова", "o.smirnova", Role.HEAD, null),
            new StaffSeed("Дмитрий Козлов", "d.kozlov", Role.AGENT, null),
            new StaffSeed("Анна Волкова", "a.volkova", Role.AGENT, null),
            new StaffSeed("Игорь Никитин", "i.nikitin", Role.AGENT, null),
            new StaffSeed("Екатерина Орлова", "e.orlova", Role.MANAGER, null),
            new StaffSeed("Павел Морозов", "p.morozov", Role.SPECIALIST, Specialty.DEVELOPER),
            new StaffSeed("Мария Лебедева", "m.lebedeva", Role.SPECIALIST, Specialty.DESIGNER),
            new StaffSeed("Светлана Егорова", "s.egorova", Role.SPECIALIST, Specialty.CONTENT),
            new StaffSeed("Алексей Соколов", "a.sokolov", Role.SPECIALIST, Specialty.SYSADMIN));

    /** The demo agency's requisites for its monthly акты (made up; the numbers have the right lengths only). */
    static final dev.tidesk.shared.Requisites AGENCY = new dev.tidesk.shared.Requisites(
            "ООО «Тайдеск Веб-Сервис»",
            "7700000001",
            "770001001",
            "1207700000001",
            "123000, г. Москва, ул. Примерная, д. 1, офис 10",
            "40702810900000000001",
            "ПАО «Демо-Банк»",
            "044500001",
            "30101810400000000001",
            "Орлова Е. В.",
            "Генеральный директор");

    /** Requisites of the first demo client, so its акты show both parties (made up). */
    static final dev.tidesk.shared.Requisites ROMASHKA = new dev.tidesk.shared.Requisites(
            "Общество с ограниченной ответственностью «Ромашка»",
            "7700000002",
            "770002001",
            "1207700000002",
            "125000, г. Москва, ул. Цветочная, д. 5",
            "40702810900000000002",
            "АО «Пример-Банк»",
            "044500002",
            "30101810400000000002",
            "Иванова М. С.",
            "Директор");

    static final List<OrgSeed> ORGANIZATIONS = List.of(
            new OrgSeed(
                    "ООО «Ромашка»",
                    "romashka.example",
                    false,
                    10,
                    Set.of(Kind.SHOP),
                    List.of(
                            new ContactSeed(
                                    "Иванова Марина Сергеевна", "m.ivanova", "+7 (495) 123-45-67", "Директор", "ru"),
                            new ContactSeed(
                                    "Петров Андрей Николаевич",
                                    "a.petrov",
                                    "+7 (495) 123-45-68",
                                    "Менеджер по продажам",
                                    "ru"),
                            new ContactSeed(
                                    "Кузнецова Елена Игоревна",
                                    "buh",
                                    "+7 (495) 123-45-69",
                                    "Главный бухгалтер",
                                    "ru")),
                    List.of(new SiteSeed(
                            "Сайт компании", "https://romashka.example", "https://test.romashka.example"))),
            new OrgSeed(
                    "Мебельная фабрика «Уют»",
                    "uyut-mebel.example",
                    true,
                    14,
                    Set.of(Kind.SHOP),
                    List.of(
                            new ContactSeed(
                                    "Соловьёв Виктор Павлович",
                                    "director",
                                    "+7 (4932) 41-22-10",
                                    "Генеральный директор",
                                    "ru"),
                            new ContactSeed(
                                    "Белова Ирина Александровна",
                                    "i.belova",
                                    "+7 (4932) 41-22-15",
                                    "Руководитель отдела маркетинга",
                                    "ru"),
                            new ContactSeed(
                                    "Григорьев Никита Олегович",
                                    "n.grigoriev",
                                    "+7 (915) 832-17-44",
                                    "Контент-менеджер",
                                    "ru"),
                            new ContactSeed(
                                    "Тихонова Дарья Михайловна",
                                    "shop",
                                    "+7 (4932) 41-22-18",
                                    "Менеджер интернет-магазина",
                                    "ru")),
                    List.of(
                            new SiteSeed(
                                    "Сайт фабрики", "https://uyut-mebel.example", "https://test.uyut-mebel.example"),
                            new SiteSeed(
                                    "Каталог для дилеров",
                                    "https://dealers.uyut-mebel.example",
                                    "https://test.dealers.uyut-mebel.example"))),
            new OrgSeed(
                    "Стоматологическая клиника «Дента Плюс»",
                    "dentaplus.example",
                    false,
                    9,
                    Set.of(Kind.BOOKING),
                    List.of(
                            new ContactSeed(
                                    "Захарова Ольга Владимировна",
                                    "glavvrach",
                                    "+7 (812) 334-56-78",
                                    "Главный врач",
                                    "ru"),
                            new ContactSeed(
                                    "Медведева Юлия Сергеевна",
                                    "admin",
                                    "+7 (812) 334-56-70",
                                    "Старший администратор",
                                    "ru")),
                    List.of(new SiteSeed(
                            "Сайт клиники", "https://dentaplus.example", "https://test.dentaplus.example"))),
            new OrgSeed(
                    "Интернет-магазин «ТехноМаркет»",
                    "technomarket.example",
                    true,
                    18,
                    Set.of(Kind.SHOP),
                    List.of(
                            new ContactSeed(
                                    "Воробьёв Сергей Анатольевич",
                                    "s.vorobiev",
                                    "+7 (495) 987-65-43",
                                    "Коммерческий директор",
                                    "ru"),
                            new ContactSeed(
                                    "Фёдорова Алина Романовна",
                                    "a.fedorova",
                                    "+7 (926) 410-28-93",
                                    "Руководитель интернет-магазина",
                                    "ru"),
                            new ContactSeed(
                                    "Daniel Becker", "d.becker", "+49 30 1234-5678", "E-commerce Consultant", "en"),
                            new ContactSeed(
                                    "Киселёв Артём Дмитриевич",
                                    "content",
                                    "+7 (495) 987-65-40",
                                    "Контент-менеджер",
                                    "ru")),
                    List.of(
                            new SiteSeed(
                                    "Интернет-магазин",
                                    "https://technomarket.example",
                                    "https://test.technomarket.example"),
                            new SiteSeed(
                                    "Блог «Техно-обзоры»",
                                    "https://blog.technomarket.example",
                                    "https://test.blog.technomarket.example"))),
            new OrgSeed(
                    "Юридическая фирма «Право и Партнёры»",
                    "pravo-partners.example",
                    false,
                    6,
                    Set.of(),
                    List.of(
                            new ContactSeed(
                                    "Романов Константин Евгеньевич",
                                    "k.romanov",
                                    "+7 (495) 650-11-22",
                                    "Управляющий партнёр",
                                    "ru"),
                            new ContactSeed(
                                    "Алексеева Наталья Борисовна",
                                    "office",
                                    "+7 (495) 650-11-23",
                                    "Офис-менеджер",
                                    "ru")),
                    List.of(new SiteSeed(
                            "Сайт фирмы", "https://pravo-partners.example", "https://test.pravo-partners.example"))),
            new OrgSeed(
                    "Частная школа «Перспектива»",
                    "perspektiva-school.example",
                    false,
                    7,
                    Set.of(Kind.BOOKING),
                    List.of(
                            new ContactSeed(
                                    "Степанова Галина Петровна",
                                    "director",
                                    "+7 (343) 278-90-12",
                                    "Директор школы",
                                    "ru"),
                            new ContactSeed(
                                    "Макаров Илья Витальевич",
                                    "i.makarov",
                                    "+7 (922) 145-67-89",
                                    "Заместитель директора по ИТ",
                                    "ru"),
                            new ContactSeed(
                                    "Николаева Ксения Андреевна",
                                    "priem",
                                    "+7 (343) 278-90-15",
                                    "Секретарь приёмной комиссии",
                                    "ru")),
                    List.of(new SiteSeed(
                            "Сайт школы",
                            "https://perspektiva-school.example",
                            "https://test.perspektiva-school.example"))),
            new OrgSeed(
                    "Сеть пекарен «Хлебный дом»",
                    "hlebdom.example",
                    true,
                    14,
                    Set.of(Kind.SHOP),
                    List.of(
                            new ContactSeed(
                                    "Васильев Михаил Юрьевич", "m.vasiliev", "+7 (495) 222-33-44", "Владелец", "ru"),
                            new ContactSeed(
                                    "Попова Анастасия Игоревна", "marketing", "+7 (903) 555-12-34", "Маркетолог", "ru"),
                            new ContactSeed(
                                    "Егоров Роман Сергеевич",
                                    "r.egorov",
                                    "+7 (495) 222-33-45",
                                    "Управляющий сетью",
                                    "ru")),
                    List.of(
                            new SiteSeed("Сайт сети", "https://hlebdom.example", "https://test.hlebdom.example"),
                            new SiteSeed(
                                    "Доставка выпечки",
                                    "https://order.hlebdom.example",
                                    "https://test.order.hlebdom.example"))),
            new OrgSeed(
                    "Турагентство «Северный ветер»",
                    "severveter.example",
                    false,
                    8,
                    Set.of(Kind.BOOKING),
                    List.of(
                            new ContactSeed(
                                    "Лебедев Олег Константинович", "o.lebedev", "+7 (812) 703-40-50", "Директор", "ru"),
                            new ContactSeed(
                                    "Emma Lindqvist",
                                    "e.lindqvist",
                                    "+46 8 123 456 78",
                                    "Partner Relations Manager",
                                    "en"),
                            new ContactSeed(
                                    "Сорокина Вера Алексеевна",
                                    "tours",
                                    "+7 (812) 703-40-52",
                                    "Менеджер по турам",
                                    "ru")),
                    List.of(new SiteSeed(
                            "Сайт агентства", "https://severveter.example", "https://test.severveter.example"))),
            new OrgSeed(
                    "Автосервис «Гараж 77»",
                    "garage77.example",
                    false,
                    8,
                    Set.of(Kind.BOOKING),
                    List.of(
                            new ContactSeed(
                                    "Комаров Денис Викторович", "d.komarov", "+7 (495) 777-07-77", "Владелец", "ru"),
                            new ContactSeed(
                                    "Зайцева Татьяна Олеговна", "zapis", "+7 (495) 777-07-78", "Администратор", "ru")),
                    List.of(new SiteSeed(
                            "Сайт автосервиса", "https://garage77.example", "https://test.garage77.example"))));

    static final List<Topic> TOPICS = List.of(
            new Topic(
                    "Не работает форма обратной связи",
                    "Здравствуйте! Клиенты жалуются, что форма обратной связи на сайте не отправляется: после нажатия "
                            + "кнопки «Отправить» ничего не происходит. Сами проверили с двух компьютеров — то же самое. "
                            + "Посмотрите, пожалуйста, срочно, через форму к нам приходят заявки.",
                    "Форма снова работает: после обновления плагина сломался скрипт отправки, мы его исправили и "
                            + "отправили несколько тестовых сообщений — все дошли.",
                    Specialty.DEVELOPER,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Обновить цены в каталоге",
                    "Добрый день! С первого числа у нас меняются цены. Во вложении к письму новый прайс-лист, "
                            + "обновите, пожалуйста, цены в каталоге на сайте. Старые цены должны действовать до конца месяца.",
                    "Цены в каталоге обновлены по новому прайс-листу, изменения вступят в силу с первого числа.",
                    Specialty.CONTENT,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Сайт медленно открывается",
                    "Здравствуйте. Последнюю неделю сайт открывается очень долго, главная страница грузится секунд "
                            + "десять. Клиенты тоже жалуются. Можно что-то с этим сделать?",
                    "Мы включили кэширование, сжали изображения на главной и перенастроили базу данных — "
                            + "теперь главная страница загружается примерно за секунду.",
                    Specialty.SYSADMIN,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Добавить баннер на главную",
                    "Добрый день! Нужно разместить на главной странице баннер о весенней акции. Макет пришлём, "
                            + "баннер должен вести на страницу акции. Хотелось бы успеть до пятницы.",
                    "Баннер размещён на главной странице и ведёт на страницу акции, на мобильных он тоже "
                            + "отображается корректно.",
                    Specialty.DESIGNER,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Ошибка 500 при оформлении заказа",
                    "Срочно! При оформлении заказа покупатели видят «Ошибка 500» и заказ не создаётся. Началось "
                            + "сегодня утром, за полдня ни одного заказа. Помогите, пожалуйста, как можно быстрее.",
                    "Ошибка устранена: после обновления модуля доставки перестал отвечать расчёт стоимости. "
                            + "Мы откатили модуль и проверили оформление заказа — заказы снова создаются.",
                    Specialty.DEVELOPER,
                    Urgency.CRITICAL,
                    Kind.SHOP),
            new Topic(
                    "Перенести сайт на новый хостинг",
                    "Здравствуйте! У текущего хостинга заканчивается оплаченный период, и мы решили переехать к "
                            + "другому провайдеру. Доступы к новому хостингу пришлём отдельно. Важно, чтобы сайт не "
                            + "простаивал во время переезда.",
                    "Сайт перенесён на новый хостинг, DNS переключены, почта и формы проверены. Старый хостинг "
                            + "можно отключать через неделю.",
                    Specialty.SYSADMIN,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Настроить SSL-сертификат",
                    "Браузер пишет, что подключение к нашему сайту не защищено. Видимо, закончился сертификат. "
                            + "Настройте, пожалуйста, SSL, чтобы сайт открывался по https без предупреждений.",
                    "Мы выпустили новый SSL-сертификат и настроили его автоматическое продление, сайт открывается "
                            + "по https без предупреждений.",
                    Specialty.SYSADMIN,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Добавить новую статью в блог",
                    "Добрый день! Отправляем текст новой статьи и три фотографии. Опубликуйте, пожалуйста, в "
                            + "разделе «Новости» с датой публикации на этой неделе.",
                    "Статья опубликована в разделе «Новости», фотографии добавлены, заголовок и описание для "
                            + "поисковиков заполнены.",
                    Specialty.CONTENT,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Сайт не открывается",
                    "Здравствуйте, сайт вообще не открывается, браузер пишет, что сервер не отвечает. Проверили с "
                            + "разных устройств и из разных сетей. Что случилось?",
                    "Сайт снова доступен: на сервере закончилось место из-за разросшихся логов. Мы почистили "
                            + "логи и настроили их ротацию, чтобы это не повторилось.",
                    Specialty.SYSADMIN,
                    Urgency.CRITICAL,
                    null),
            new Topic(
                    "Не приходят письма с сайта",
                    "Добрый день! Перестали приходить письма о новых заявках с сайта. В админке заявки видны, а на "
                            + "почту ничего не приходит, в спаме тоже пусто.",
                    "Письма снова приходят: мы перенастроили отправку через SMTP вашего почтового сервиса и "
                            + "добавили SPF-запись для домена.",
                    Specialty.DEVELOPER,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Поменять телефон в шапке сайта",
                    "Здравствуйте! У нас сменился номер телефона. Замените, пожалуйста, номер в шапке, в подвале и "
                            + "на странице «Контакты». Новый номер указан в подписи.",
                    "Номер телефона заменён в шапке, в подвале и на странице «Контакты», ссылка для звонка с "
                            + "мобильного тоже обновлена.",
                    Specialty.CONTENT,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Обновить фотографии сотрудников",
                    "Добрый день! У нас новые сотрудники и прошла фотосессия. Обновите, пожалуйста, раздел «Команда»: "
                            + "фотографии и подписи пришлём архивом.",
                    "Раздел «Команда» обновлён: добавлены новые сотрудники, фотографии обрезаны в едином стиле.",
                    Specialty.CONTENT,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Подключить Яндекс Метрику",
                    "Здравствуйте! Хотим видеть статистику посещаемости. Подключите, пожалуйста, Яндекс Метрику и "
                            + "настройте цели на отправку форм. Доступ к счётчику нужен маркетологу.",
                    "Яндекс Метрика подключена, цели на отправку форм и звонки настроены, доступ маркетологу выдан.",
                    Specialty.SEO,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Сайт плохо отображается на телефоне",
                    "На телефоне сайт выглядит странно: меню наезжает на текст, а кнопки не нажимаются. На "
                            + "компьютере всё нормально. Скриншоты прилагаем.",
                    "Мы поправили мобильную вёрстку: меню больше не перекрывает текст, кнопки увеличены и "
                            + "нажимаются. Проверили на Android и iPhone.",
                    Specialty.DESIGNER,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Добавить раздел «Вакансии»",
                    "Добрый день! Мы расширяемся и хотим публиковать вакансии на сайте. Нужен раздел со списком "
                            + "вакансий и формой отклика, к которой можно прикрепить резюме.",
                    "Раздел «Вакансии» добавлен: список вакансий редактируется в админке, отклики с резюме приходят "
                            + "на почту отдела кадров.",
                    Specialty.DEVELOPER,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Изменить режим работы на праздники",
                    "Здравствуйте! В праздничные дни мы работаем по особому графику. Разместите, пожалуйста, "
                            + "объявление на главной и измените режим работы на странице контактов до конца праздников.",
                    "Объявление о праздничном графике размещено на главной, режим работы на странице контактов "
                            + "изменён. После праздников вернём обычный график.",
                    Specialty.CONTENT,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Не работает поиск по сайту",
                    "Добрый день! Поиск по сайту ничего не находит, даже если ввести точное название. Раньше всё "
                            + "работало. Посмотрите, пожалуйста.",
                    "Поиск снова работает: поисковый индекс не обновлялся после переноса каталога, мы его "
                            + "перестроили и включили ежедневное обновление.",
                    Specialty.DEVELOPER,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Подключить онлайн-оплату",
                    "Здравствуйте! Мы заключили договор с банком на интернет-эквайринг. Подключите, пожалуйста, "
                            + "оплату картой на сайте. Данные для подключения пришлём отдельным письмом.",
                    "Онлайн-оплата подключена, мы провели тестовый платёж и возврат. Чеки отправляются покупателям "
                            + "автоматически.",
                    Specialty.DEVELOPER,
                    Urgency.NORMAL,
                    Kind.SHOP),
            new Topic(
                    "Сделать резервную копию сайта",
                    "Добрый день! Перед большими изменениями хотим подстраховаться. Сделайте, пожалуйста, полную "
                            + "резервную копию сайта и базы данных и скажите, где она хранится.",
                    "Полная резервная копия сайта и базы данных сделана и сохранена в отдельном хранилище, "
                            + "ежедневные копии тоже включены.",
                    Specialty.SYSADMIN,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Обновить CMS и плагины",
                    "Здравствуйте! В админке висит предупреждение о том, что CMS и несколько плагинов устарели. "
                            + "Обновите, пожалуйста, чтобы ничего не сломалось и сайт был защищён.",
                    "CMS и плагины обновлены сначала на тестовой копии, затем на рабочем сайте. Основные страницы "
                            + "и формы проверены.",
                    Specialty.SYSADMIN,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Выгрузить заказы за месяц в Excel",
                    "Добрый день! Бухгалтерии нужна выгрузка всех заказов с сайта за прошлый месяц в Excel: номер, "
                            + "дата, сумма, способ оплаты. Сможете помочь?",
                    "Выгрузка заказов за прошлый месяц готова, файл Excel прикрепили к ответу. Также добавили "
                            + "кнопку выгрузки в админку.",
                    Specialty.DEVELOPER,
                    Urgency.LOW,
                    Kind.SHOP),
            new Topic(
                    "Заменить логотип",
                    "Здравствуйте! У нас обновился фирменный стиль. Замените, пожалуйста, логотип на сайте и "
                            + "фавиконку. Файлы логотипа в векторе пришлём.",
                    "Логотип и фавиконка заменены, логотип в письмах с сайта тоже обновлён.",
                    Specialty.DESIGNER,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Сверстать страницу для акции",
                    "Добрый день! В следующем месяце запускаем акцию. Нужна отдельная посадочная страница с "
                            + "описанием условий, таймером и формой заявки. Тексты готовы.",
                    "Посадочная страница акции свёрстана и опубликована, таймер и форма заявки работают.",
                    Specialty.DESIGNER,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Браузер предупреждает об опасном сайте",
                    "Срочно: при заходе на сайт браузер показывает красное предупреждение, что сайт может быть "
                            + "опасен. Клиенты пугаются и уходят. Что это может быть?",
                    "На сайте нашли и удалили вредоносный код, который попал через устаревший плагин. Мы "
                            + "обновили всё ПО, сменили пароли и отправили сайт на перепроверку — предупреждение снято.",
                    Specialty.SYSADMIN,
                    Urgency.CRITICAL,
                    null),
            new Topic(
                    "Упали позиции в поиске",
                    "Здравствуйте. По нашим основным запросам сайт заметно опустился в Яндексе, звонков стало меньше. "
                            + "Можете посмотреть, в чём причина?",
                    "Мы нашли причину: после обновления часть страниц закрылась от индексации. Исправили robots.txt, "
                            + "обновили карту сайта и отправили страницы на переобход.",
                    Specialty.SEO,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Добавить карту проезда",
                    "Добрый день! Добавьте, пожалуйста, на страницу «Контакты» карту с нашим адресом и схему "
                            + "проезда от метро. Многие клиенты не могут нас найти.",
                    "На страницу «Контакты» добавлены интерактивная карта и схема проезда от метро.",
                    Specialty.DEVELOPER,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Исправить опечатку на странице «О нас»",
                    "Здравствуйте! На странице «О нас» во втором абзаце опечатка в названии компании. Исправьте, "
                            + "пожалуйста.",
                    "Опечатка исправлена, заодно проверили текст страницы целиком.",
                    Specialty.CONTENT,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Добавить пользователя в админку",
                    "Добрый день! К нам пришёл новый сотрудник, ему нужен доступ в админку сайта для публикации "
                            + "новостей. Без прав на настройки.",
                    "Пользователь создан с правами редактора новостей, данные для входа отправлены ему на почту.",
                    Specialty.SYSADMIN,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Не загружаются картинки в каталоге",
                    "Здравствуйте! В каталоге у части товаров вместо фотографий пустые квадраты. Началось после "
                            + "того, как мы загрузили новые товары.",
                    "Картинки снова показываются: новые фото были загружены в слишком большом размере и не "
                            + "обрабатывались. Мы пересоздали превью и ограничили размер загрузки.",
                    Specialty.DEVELOPER,
                    Urgency.HIGH,
                    Kind.SHOP),
            new Topic(
                    "Продлить домен",
                    "Добрый день! Пришло письмо от регистратора, что через две недели заканчивается регистрация "
                            + "домена. Продлите, пожалуйста, чтобы сайт не отключился.",
                    "Домен продлён на год, автопродление включено, счёт отправили бухгалтерии.",
                    Specialty.SYSADMIN,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Добавить товары из прайс-листа",
                    "Здравствуйте! Прислали вам прайс-лист с новыми позициями, около сорока товаров. Добавьте их, "
                            + "пожалуйста, в каталог с описаниями и фотографиями.",
                    "Новые товары добавлены в каталог с описаниями, характеристиками и фотографиями.",
                    Specialty.CONTENT,
                    Urgency.NORMAL,
                    Kind.SHOP),
            new Topic(
                    "Настроить редиректы со старых страниц",
                    "Добрый день! После обновления структуры сайта старые ссылки ведут на страницу 404. Настройте, "
                            + "пожалуйста, перенаправления, чтобы не терять посетителей из поиска.",
                    "Перенаправления со старых адресов настроены, битых ссылок в карте сайта больше нет.",
                    Specialty.SEO,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Обновить политику конфиденциальности",
                    "Здравствуйте! Юристы подготовили новую редакцию политики обработки персональных данных. "
                            + "Замените, пожалуйста, текст на сайте и ссылку под всеми формами.",
                    "Политика конфиденциальности обновлена, ссылки под всеми формами ведут на новую редакцию.",
                    Specialty.CONTENT,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Добавить кнопку мессенджера",
                    "Добрый день! Хотим, чтобы клиенты могли написать нам в мессенджер прямо с сайта. Добавьте, "
                            + "пожалуйста, плавающую кнопку в правом нижнем углу.",
                    "Кнопка мессенджера добавлена на все страницы, на мобильных она не перекрывает меню.",
                    Specialty.DEVELOPER,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Не работает онлайн-запись",
                    "Здравствуйте! Форма онлайн-записи показывает, что свободных окон нет, хотя расписание "
                            + "заполнено. Клиенты звонят и ругаются. Посмотрите, пожалуйста, срочно.",
                    "Онлайн-запись снова работает: сбилась синхронизация расписания после перехода на летнее "
                            + "время в настройках сервера. Мы её исправили и проверили запись на неделю вперёд.",
                    Specialty.DEVELOPER,
                    Urgency.HIGH,
                    Kind.BOOKING),
            new Topic(
                    "Разместить отзывы клиентов",
                    "Добрый день! Собрали отзывы клиентов, хотим разместить их на главной странице в виде "
                            + "карусели. Тексты и фотографии пришлём.",
                    "Блок с отзывами добавлен на главную, отзывы можно добавлять самостоятельно через админку.",
                    Specialty.DESIGNER,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Тестовая копия сайта не открывается",
                    "Здравствуйте! Хотели посмотреть правки на тестовой копии, но она не открывается, просит "
                            + "какой-то пароль. Подскажите, как туда попасть?",
                    "Тестовая копия закрыта паролем от поисковиков; мы отправили вам логин и пароль для входа и "
                            + "продлили её сертификат.",
                    Specialty.SYSADMIN,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Обновить расписание занятий",
                    "Добрый день! С нового месяца меняется расписание. Обновите, пожалуйста, таблицу на сайте, "
                            + "новый файл прилагаем.",
                    "Расписание обновлено, старую версию убрали в архив.",
                    Specialty.CONTENT,
                    Urgency.NORMAL,
                    Kind.BOOKING));

    /** Topics for the few contacts who write in English. */
    static final List<Topic> TOPICS_EN = List.of(
            new Topic(
                    "Contact form does not send messages",
                    "Hello, the contact form on the site does not seem to work: after pressing Send nothing "
                            + "happens. Could you please have a look?",
                    "The contact form works again; a plugin update had broken the sending script, which we fixed "
                            + "and tested.",
                    Specialty.DEVELOPER,
                    Urgency.HIGH,
                    null),
            new Topic(
                    "Please update the English version of the site",
                    "Hi, some pages of the English version still show last year's prices and the old address. "
                            + "Could you update them from the Russian version? Thank you.",
                    "The English pages now match the Russian version: prices and the address are updated.",
                    Specialty.CONTENT,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Site is slow from Europe",
                    "Hello, our partners in Europe say the site takes a long time to load for them. Is there "
                            + "anything you can do about it?",
                    "We enabled a CDN for static files; pages now load in about a second from Europe.",
                    Specialty.SYSADMIN,
                    Urgency.NORMAL,
                    null),
            new Topic(
                    "Broken links on the English pages",
                    "Hi, several links on the English pages lead to a 404 page, for example in the footer. "
                            + "Please fix them.",
                    "All broken links on the English pages are fixed, and we added a check for them.",
                    Specialty.CONTENT,
                    Urgency.LOW,
                    null),
            new Topic(
                    "Certificate warning in the browser",
                    "Hello, my browser warns that the connection to your site is not secure. Could you check the "
                            + "certificate, please?",
                    "The certificate is renewed and now renews automatically; the warning is gone.",
                    Specialty.SYSADMIN,
                    Urgency.HIGH,
                    null));

    // --- Conversation phrases (Russian) ---

    static final List<String> ACKNOWLEDGEMENTS = List.of(
            "Спасибо за обращение, заявку приняли в работу. Ответим сегодня до конца дня.",
            "Спасибо, получили. Постараемся сделать в течение рабочего дня.",
            "Заявку взяли в работу. Сроки сообщим после диагностики.",
            "Спасибо за обращение! Уже разбираемся, скоро вернёмся с ответом.",
            "Приняли, задача поставлена специалисту. Как будет результат, сразу напишем.");

    static final List<String> QUESTIONS = List.of(
            "Уточните, пожалуйста, на какой странице вы это видите и в каком браузере?",
            "Пришлите, пожалуйста, скриншот или ссылку на страницу, о которой идёт речь.",
            "Подскажите, пожалуйста, в какое время это происходило? Так нам будет проще найти причину в логах.",
            "Пришлите, пожалуйста, тексты и фотографии в хорошем качестве — без них не сможем продолжить.",
            "Подтвердите, пожалуйста, что изменения можно вносить сразу на рабочий сайт, а не на тестовую копию.",
            "Для работы нужен доступ к панели хостинга. Пришлите, пожалуйста, логин или добавьте нас как пользователя.");

    static final List<String> ANSWERS = List.of(
            "Это страница каталога, браузер Chrome на телефоне. Скриншот прикрепили.",
            "Ошибка появляется сразу после нажатия кнопки «Отправить». Ссылку на страницу прислали.",
            "Было около одиннадцати утра, потом ещё раз после обеда.",
            "Тексты отправили, фотографии пришлём завтра до обеда.",
            "Да, можно сразу на рабочий сайт.",
            "Доступ выдали, логин пришёл вам на почту поддержки.");

    static final List<String> FOLLOW_UPS = List.of(
            "Добрый день! Подскажите, есть ли новости по заявке?",
            "Коллеги, вопрос срочный: у нас завтра начинается акция.",
            "Добавлю: проблема повторяется и у коллег на других компьютерах.",
            "Когда примерно можно ожидать результат?");

    static final List<String> PROGRESS_REPLIES = List.of(
            "Работаем над задачей, сегодня-завтра пришлём результат.",
            "Задача у специалиста, осталось проверить изменения на тестовой копии.",
            "Нашли причину, исправление в работе. Напишем, как только закончим.");

    static final List<String> CHECK_PLEASE = List.of(
            "Проверьте, пожалуйста, у себя — если всё в порядке, заявку закроем.",
            "Посмотрите, пожалуйста, всё ли так, как вы хотели.",
            "Если что-то не так, просто ответьте на это письмо.");

    static final List<String> THANKS = List.of(
            "Проверили, всё работает. Спасибо!",
            "Спасибо, всё отлично.",
            "Да, теперь всё корректно. Благодарим за оперативность!",
            "Всё хорошо, спасибо большое за помощь.");

    static final List<String> DEFERRALS = List.of(
            "Как договорились, вернёмся к задаче после согласования бюджета. Заявку откладываем и напомним о ней "
                    + "в начале следующего месяца.",
            "Задачу откладываем до получения материалов от вас. Как только пришлёте, сразу продолжим.",
            "По вашей просьбе переносим работы на после окончания сезона распродаж, чтобы не трогать сайт.");

    /** Internal notes; {@code %s} is a specialist's name. */
    static final List<String> HANDOFF_NOTES = List.of(
            "%s, посмотри, пожалуйста, это по твоей части.",
            "Передаю задачу: %s, нужна твоя помощь, клиент ждёт ответа сегодня.",
            "%s, глянь, пожалуйста, логи за сегодня — похоже на ту же проблему, что в прошлом месяце.");

    static final List<String> SPECIALIST_NOTES = List.of(
            "Сделал на тестовой копии, проверил — переношу на рабочий сайт.",
            "Готово с моей стороны. Можно отвечать клиенту.",
            "Причина найдена и исправлена, подробности в описании задачи.",
            "Сделано. Заодно обновил пару устаревших модулей.");

    static final List<String> NOTES = List.of(
            "Клиент на премиальном тарифе, держим на контроле.",
            "Клиент просил звонить после 14:00.",
            "Похоже на проблему с плагином кэширования, проверяю.",
            "Часы по задаче списать на абонентское обслуживание.",
            "Уточнил по телефону, клиент подтвердил детали.");

    static final String SIGNATURE = "С уважением,\n%s\nСлужба поддержки";

    static final String PHONE_PREFIX = "Записано со слов клиента по телефону.\n\n";

    // --- Conversation phrases (English) ---

    static final List<String> ACKNOWLEDGEMENTS_EN = List.of(
            "Thank you for your message, we are on it and will get back to you today.",
            "Thanks, we have received your request and passed it to a specialist.");

    static final List<String> QUESTIONS_EN = List.of(
            "Could you please tell us which page and which browser you are using?",
            "Could you please send us a screenshot or a link to the page?");

    static final List<String> ANSWERS_EN = List.of(
            "It is the contact page, in Safari on a Mac.", "I sent the link and a screenshot to your support address.");

    static final List<String> FOLLOW_UPS_EN = List.of("Hello, are there any news on this?");

    static final List<String> PROGRESS_REPLIES_EN = List.of("We are working on it and will update you shortly.");

    static final List<String> CHECK_PLEASE_EN = List.of("Please check it on your side and let us know.");

    static final List<String> THANKS_EN = List.of("Works now, thank you!", "All good, many thanks.");

    static final List<String> DEFERRALS_EN =
            List.of("As agreed, we will come back to this after your budget is approved.");

    static final String SIGNATURE_EN = "Best regards,\n%s\nSupport team";
}
