package dev.tidesk.generator;

import java.util.List;

/**
 * Words the generated conversations are made of, in Russian and English. In a body {@code {site}}
 * stands for the site's address, {@code {n}} for a number (an order, a page) and {@code {name}}
 * for a person.
 */
final class Texts {

    private Texts() {}

    record Topic(String subject, String body) {}

    static final List<Topic> TOPICS_RU = List.of(
            new Topic(
                    "Не работает форма обратной связи",
                    "Здравствуйте! На сайте {site} перестала отправляться форма обратной связи: после нажатия кнопки «Отправить» ничего не происходит. Заявки от клиентов не приходят со вчерашнего дня."),
            new Topic(
                    "Сайт открывается очень медленно",
                    "Добрый день. Главная страница {site} грузится секунд десять, каталог ещё дольше. Клиенты жалуются. Посмотрите, пожалуйста, что случилось."),
            new Topic(
                    "Ошибка 500 при оформлении заказа",
                    "Здравствуйте! При оформлении заказа №{n} покупатель получил ошибку 500, деньги списались, а заказ в админке не появился. Срочно нужна помощь."),
            new Topic(
                    "Обновить цены в каталоге",
                    "Добрый день! Прислали новый прайс-лист, в нём {n} позиций. Обновите, пожалуйста, цены в каталоге на сайте {site} до понедельника."),
            new Topic(
                    "Заменить баннер на главной",
                    "Здравствуйте. Нужно заменить баннер на главной странице {site} на новый, с весенней акцией. Макет прикладываем."),
            new Topic(
                    "Не приходят письма с сайта",
                    "Добрый день! Уведомления о новых заказах перестали приходить на почту. Последнее письмо было позавчера, заказ №{n}."),
            new Topic(
                    "Истекает SSL-сертификат",
                    "Здравствуйте! Браузер предупреждает, что сертификат сайта {site} скоро истекает. Продлите, пожалуйста, чтобы сайт не пометили как небезопасный."),
            new Topic(
                    "Добавить новую страницу услуги",
                    "Добрый день! Мы запускаем новую услугу, нужна отдельная страница с описанием, ценами и формой записи. Тексты пришлём сегодня."),
            new Topic(
                    "Сайт взломали, на страницах реклама",
                    "Здравствуйте! На сайте {site} появились чужие рекламные ссылки, антивирус ругается. Это очень срочно, помогите!"),
            new Topic(
                    "Упали позиции в поиске",
                    "Добрый день. По основным запросам сайт заметно опустился в Яндексе, звонков стало меньше. Можете посмотреть, в чём причина?"),
            new Topic(
                    "Исправить опечатку на странице «О нас»",
                    "Здравствуйте! На странице «О нас» во втором абзаце опечатка в названии компании. Исправьте, пожалуйста."),
            new Topic(
                    "Добавить пользователя в админку",
                    "Добрый день! К нам пришёл новый сотрудник, {name}, ему нужен доступ в админку сайта для публикации новостей."),
            new Topic(
                    "Не загружаются картинки в каталоге",
                    "Здравствуйте! В каталоге у части товаров вместо фотографий пустые квадраты, например на странице {site}/catalog/{n}."),
            new Topic(
                    "Продлить домен",
                    "Добрый день! Пришло письмо от регистратора, что через две недели заканчивается регистрация домена. Продлите, пожалуйста."),
            new Topic(
                    "Настроить редиректы со старых страниц",
                    "Добрый день! После обновления структуры сайта старые ссылки ведут на страницу 404. Настройте, пожалуйста, перенаправления."),
            new Topic(
                    "Не работает онлайн-запись",
                    "Здравствуйте! Форма онлайн-записи показывает, что свободных окон нет, хотя расписание заполнено. Клиенты звонят и ругаются."),
            new Topic(
                    "Обновить политику конфиденциальности",
                    "Здравствуйте! Юристы подготовили новую редакцию политики обработки персональных данных. Замените текст на сайте {site}."),
            new Topic(
                    "Тестовая копия сайта не открывается",
                    "Здравствуйте! Хотели посмотреть правки на тестовой копии, но она не открывается, просит пароль. Подскажите, как туда попасть?"),
            new Topic(
                    "Подключить онлайн-оплату",
                    "Добрый день! Банк выдал нам данные для интернет-эквайринга. Подключите, пожалуйста, оплату картой на сайте {site}."),
            new Topic(
                    "Выгрузка в 1С перестала работать",
                    "Здравствуйте! С утра заказы не выгружаются в 1С, последний выгруженный заказ №{n}. Бухгалтерия ждёт."));

    static final List<Topic> TOPICS_EN = List.of(
            new Topic(
                    "Contact form does not send messages",
                    "Hello, the contact form on {site} does not seem to work: after pressing Send nothing happens. Could you please have a look?"),
            new Topic(
                    "Please update the English version of the site",
                    "Hi, some pages of the English version still show last year's prices and the old address. Could you update them?"),
            new Topic(
                    "Site is slow from Europe",
                    "Hello, our partners in Europe say {site} takes a long time to load for them. Is there anything you can do about it?"),
            new Topic(
                    "Broken links on the English pages",
                    "Hi, several links on the English pages lead to a 404 page, for example {site}/en/page/{n}. Please fix them."),
            new Topic(
                    "Certificate warning in the browser",
                    "Hello, my browser warns that the connection to {site} is not secure. Could you check the certificate, please?"),
            new Topic(
                    "Checkout fails for order {n}",
                    "Hi, a customer could not pay for order {n}: the payment page shows an error. Please check it urgently."));

    static final List<String> ACK_RU = List.of(
            "Спасибо за обращение, заявку приняли в работу. Ответим сегодня до конца дня.",
            "Спасибо, получили. Постараемся сделать в течение рабочего дня.",
            "Заявку взяли в работу. Сроки сообщим после диагностики.",
            "Уточните, пожалуйста, на какой странице вы это видите и в каком браузере?",
            "Пришлите, пожалуйста, скриншот или ссылку на страницу, о которой идёт речь.");
    static final List<String> CLIENT_RU = List.of(
            "Это страница каталога, браузер Chrome на телефоне. Скриншот прикрепили.",
            "Добрый день! Подскажите, есть ли новости по заявке?",
            "Коллеги, вопрос срочный: у нас завтра начинается акция.",
            "Тексты отправили, фотографии пришлём завтра до обеда.",
            "Да, можно сразу на рабочий сайт.");
    static final List<String> PROGRESS_RU = List.of(
            "Работаем над задачей, сегодня-завтра пришлём результат.",
            "Задача у специалиста, осталось проверить изменения на тестовой копии.",
            "Нашли причину, исправление в работе. Напишем, как только закончим.");
    static final List<String> DONE_RU = List.of(
            "Готово: всё исправили и проверили на рабочем сайте. Проверьте, пожалуйста, у себя.",
            "Сделано. Причина была в устаревшем модуле, мы его обновили. Если что-то не так, просто ответьте на это письмо.",
            "Изменения внесены и опубликованы. Посмотрите, пожалуйста, всё ли так, как вы хотели.");
    static final List<String> THANKS_RU = List.of(
            "Проверили, всё работает. Спасибо!",
            "Спасибо, всё отлично.",
            "Да, теперь всё корректно. Благодарим за оперативность!");
    static final List<String> NOTES_RU = List.of(
            "Клиент на премиальном тарифе, держим на контроле.",
            "Клиент просил звонить после 14:00.",
            "Похоже на проблему с плагином кэширования, проверяю.",
            "Часы по задаче списать на абонентское обслуживание.",
            "Сделал на тестовой копии, проверил — переношу на рабочий сайт.");

    static final List<String> ACK_EN = List.of(
            "Thank you for your message, we are on it and will get back to you today.",
            "Could you please send us a screenshot or a link to the page?");
    static final List<String> CLIENT_EN = List.of(
            "It is the contact page, in Safari on a Mac.",
            "Hello, are there any news on this?",
            "I sent the link and a screenshot to your support address.");
    static final List<String> PROGRESS_EN = List.of("We are working on it and will update you shortly.");
    static final List<String> DONE_EN = List.of(
            "Done: we fixed it and tested it on the live site. Please check on your side.",
            "It is fixed now; the cause was an outdated plugin, which we updated.");
    static final List<String> THANKS_EN = List.of("Works now, thank you!", "All good, many thanks.");
    static final List<String> NOTES_EN = List.of("English-speaking client, answer in English.");

    static final List<String> FIRST_NAMES = List.of(
            "Александр",
            "Мария",
            "Дмитрий",
            "Анна",
            "Сергей",
            "Елена",
            "Андрей",
            "Ольга",
            "Алексей",
            "Наталья",
            "Михаил",
            "Татьяна",
            "Иван",
            "Ирина",
            "Павел",
            "Светлана",
            "Николай",
            "Юлия",
            "Артём",
            "Екатерина",
            "Виктор",
            "Дарья",
            "Константин",
            "Ксения");
    static final List<String> LAST_NAMES = List.of(
            "Иванов",
            "Смирнов",
            "Кузнецов",
            "Попов",
            "Васильев",
            "Петров",
            "Соколов",
            "Михайлов",
            "Новиков",
            "Фёдоров",
            "Морозов",
            "Волков",
            "Алексеев",
            "Лебедев",
            "Семёнов",
            "Егоров",
            "Павлов",
            "Козлов",
            "Степанов",
            "Николаев",
            "Орлов",
            "Андреев",
            "Макаров",
            "Никитин");
    static final List<String> FIRST_NAMES_EN =
            List.of("Daniel", "Emma", "Oliver", "Sophie", "James", "Laura", "Thomas", "Anna", "Michael", "Julia");
    static final List<String> LAST_NAMES_EN =
            List.of("Becker", "Smith", "Miller", "Brown", "Schmidt", "Taylor", "Wilson", "Fischer", "Clark", "Weber");
    static final List<String> POSITIONS = List.of(
            "Директор",
            "Менеджер по продажам",
            "Главный бухгалтер",
            "Контент-менеджер",
            "Руководитель отдела маркетинга",
            "Офис-менеджер",
            "Администратор");

    static final List<String> ORG_FORMS = List.of(
            "ООО", "АО", "Интернет-магазин", "Клиника", "Студия", "Сеть", "Фабрика", "Школа", "Агентство", "Центр");
    static final List<String> ORG_WORDS = List.of(
            "Ромашка",
            "Уют",
            "Дента Плюс",
            "ТехноМаркет",
            "Перспектива",
            "Хлебный дом",
            "Северный ветер",
            "Вектор",
            "Гранит",
            "Солнечный",
            "Меридиан",
            "Альфа",
            "Оптима",
            "Берёзка",
            "Атлант",
            "Весна",
            "Кедр",
            "Парус",
            "Радуга",
            "Маяк",
            "Зенит",
            "Лидер",
            "Старт",
            "Импульс",
            "Фортуна",
            "Гармония",
            "Прогресс",
            "Эталон",
            "Горизонт",
            "Орион");
    static final List<String> CITIES = List.of(
            "Москва",
            "Санкт-Петербург",
            "Казань",
            "Екатеринбург",
            "Новосибирск",
            "Самара",
            "Тверь",
            "Иваново",
            "Ярославль",
            "Пермь");
    static final List<String> ORG_NAMES_EN =
            List.of("Northwind", "Bluebird", "Greenfield", "Silverline", "Brightway", "Redwood", "Oakridge", "Seaside");
}
