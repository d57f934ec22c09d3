/**
 * Demo content for Masthead: The Meridian Ledger, a fictional online news
 * magazine. Every person, town, company, institution, book, film and event
 * below is invented by the Masthead team; real countries and regions appear
 * only as settings.
 */
import type { DemoContent } from './demo-types.js';

/** Joins Markdown blocks with blank lines; an array block is joined line by line (lists). */
const md = (...blocks: (string | string[])[]): string =>
  blocks.map((block) => (Array.isArray(block) ? block.join('\n') : block)).join('\n\n');

const CREDIT = 'Illustration: Masthead demo';

export const demoContent: DemoContent = {
  site: {
    title: 'The Meridian Ledger',
    description:
      'Independent reporting on water, energy, trade, science and culture across the Middle East and the wider world.',
    timezone: 'Asia/Dubai',
    language: 'en',
    menu: [
      { label: 'Middle East', url: '/category/middle-east/' },
      { label: 'Economy', url: '/category/economy/' },
      { label: 'World', url: '/category/world/' },
      { label: 'Science', url: '/category/science/' },
      { label: 'Culture', url: '/category/culture/' },
      { label: 'Opinion', url: '/category/opinion/' },
      { label: 'About', url: '/about/' },
    ],
  },

  authors: [
    {
      slug: 'layla-haddad',
      name: 'Layla Haddad',
      bio: 'Layla Haddad is the Ledger’s Gulf correspondent, covering water, ports and city government from the coast. She previously reported on regional trade for a business weekly.',
    },
    {
      slug: 'mina-farahani',
      name: 'Mina Farahani',
      bio: 'Mina Farahani edits the Middle East desk and writes about Iran’s provinces, farming and local government.',
    },
    {
      slug: 'daniel-okafor',
      name: 'Daniel Okafor',
      bio: 'Daniel Okafor is the economy editor, following energy, shipping and markets. He spent a decade on a wire-service commodities desk before joining the Ledger.',
    },
    {
      slug: 'samira-khoury',
      name: 'Samira Khoury',
      credentials: 'PhD',
      bio: 'Samira Khoury is a water economist who writes the fortnightly column *Running Costs*. Her research looks at how cities price and share scarce resources.',
    },
    {
      slug: 'jonas-lindqvist',
      name: 'Jonas Lindqvist',
      bio: 'Jonas Lindqvist covers science and culture, from field archaeology to film premieres, from the Ledger’s European bureau.',
    },
  ],

  categories: [
    {
      slug: 'middle-east',
      name: 'Middle East',
      description: 'News and analysis from across the region.',
    },
    {
      slug: 'iran',
      name: 'Iran',
      description: 'Reporting from Iran’s cities, provinces and countryside.',
      parent: 'middle-east',
    },
    {
      slug: 'gulf',
      name: 'Gulf',
      description: 'Ports, cities and communities along the Gulf coast.',
      parent: 'middle-east',
    },
    {
      slug: 'economy',
      name: 'Economy',
      description: 'Business, trade and the cost of living.',
    },
    {
      slug: 'energy',
      name: 'Energy',
      description: 'Power, fuel and the transition to cleaner sources.',
      parent: 'economy',
    },
    {
      slug: 'markets',
      name: 'Markets',
      description: 'Freight, bonds, currencies and commodities.',
      parent: 'economy',
    },
    {
      slug: 'world',
      name: 'World',
      description: 'Stories from beyond the region, told with the same care.',
    },
    {
      slug: 'science',
      name: 'Science',
      description: 'Research, engineering and discovery.',
    },
    {
      slug: 'culture',
      name: 'Culture',
      description: 'Books, film, heritage and the arts.',
    },
    {
      slug: 'opinion',
      name: 'Opinion',
      description: 'Editorials and signed commentary, clearly labelled.',
    },
    {
      slug: 'columns',
      name: 'Columns',
      description: 'Regular columns by the Ledger’s contributors.',
      parent: 'opinion',
    },
  ],

  tags: [
    { slug: 'water', name: 'Water' },
    { slug: 'desalination', name: 'Desalination' },
    { slug: 'solar', name: 'Solar power' },
    { slug: 'oil-and-gas', name: 'Oil and gas' },
    { slug: 'shipping', name: 'Shipping' },
    { slug: 'trade', name: 'Trade' },
    { slug: 'local-elections', name: 'Local elections' },
    { slug: 'climate', name: 'Climate' },
    { slug: 'agriculture', name: 'Agriculture' },
    { slug: 'archaeology', name: 'Archaeology' },
    { slug: 'books', name: 'Books' },
    { slug: 'film', name: 'Film' },
    { slug: 'heritage', name: 'Heritage' },
    { slug: 'public-transport', name: 'Public transport' },
    { slug: 'infrastructure', name: 'Infrastructure' },
    { slug: 'food-prices', name: 'Food prices' },
  ],

  series: [
    {
      slug: 'the-water-ledger',
      title: 'The Water Ledger',
      description:
        'A three-part investigation into how the region finds, moves and loses its water, from the Gulf coast to the qanats of central Iran.',
    },
  ],

  sources: [
    {
      slug: 'gulf-harbor-wire',
      name: 'Gulf Harbor Wire',
      homepageUrl: 'https://gulfharbor.example.com',
      showSourceLine: true,
      canonical: 'original',
    },
    {
      slug: 'northgate-press',
      name: 'Northgate Press',
      homepageUrl: 'https://northgate.example.net',
      showSourceLine: true,
      canonical: 'self',
    },
  ],

  articles: [
    // ---------------------------------------------------------------- Energy (lead)
    {
      slug: 'dahr-floating-solar-farm-begins-feeding-grid',
      title: 'Floating solar farm on the Dahr reservoir begins feeding the grid',
      dek: 'The 48-megawatt array covers a fifth of the reservoir’s surface and is expected to cut evaporation as well as fuel use.',
      kind: 'news',
      category: 'energy',
      tags: ['solar', 'water', 'infrastructure', 'climate'],
      authors: ['daniel-okafor', 'layla-haddad'],
      featured: true,
      hoursAgo: 2,
      updatedHoursAgo: 1,
      image: {
        file: 'floating-solar.svg',
        alt: 'Rows of dark solar panels floating on a blue reservoir beneath brown hills and a pale sun.',
        caption: 'The array sits on anchored pontoons across about a fifth of the Dahr reservoir.',
        credit: CREDIT,
      },
      body: md(
        'Power began flowing from a floating solar farm on the Dahr reservoir on Tuesday morning, making the 48-megawatt installation the largest of its kind in the region, according to its operator, Hilal Power Company.',
        'The array of roughly 86,000 panels sits on anchored plastic pontoons across about a fifth of the reservoir, which supplies drinking water to the port city of Qasr Nadira, 60 kilometres to the east. At full output it can meet the daytime demand of about 30,000 homes, the company said.',
        '“We switched on the first block at 6:40 and the last one just before noon,” said Rana Aziz, the project’s site director, standing on the maintenance jetty as technicians checked inverter readings. “Nothing dramatic happened, which is exactly what you want.”',
        '## Shade as well as power',
        'Engineers say the panels also shade the water, reducing evaporation in the hottest months. The reservoir authority estimates the saving at around 1.2 million cubic metres a year, enough to cover the city’s household use for roughly nine days in summer. Independent hydrologists have cautioned that the figure is a model estimate and will need two or three years of measurements to confirm.',
        'The project cost 41 million dollars and was financed by a consortium of three regional banks and a municipal bond issued last spring. Construction took 14 months, four longer than planned, largely because of delays in delivering the anchoring system.',
        'Not everyone is convinced the reservoir is the right place. The Dahr Anglers’ Association has asked for a survey of fish stocks under the pontoons. “We are not against solar,” said its secretary, Yusuf Barakat. “We want to know what happens beneath it.”',
        'Hilal Power said it would publish water-quality data every quarter and that a second phase, doubling the capacity, would not be approved before the first full year of monitoring.',
        '*This story has been updated with the reservoir authority’s evaporation estimate.*',
      ),
      comments: [
        {
          name: 'Hadi M.',
          email: 'hadi.m@example.org',
          body: 'Good to see the monitoring commitment in writing. Will the quarterly water-quality data be published online, or only on request?',
          hoursAfter: 0.5,
          replies: [
            {
              name: 'Farah Nassar',
              email: 'farah.nassar@example.com',
              body: 'The operator’s website says online, as a downloadable table. We will see whether it happens.',
              hoursAfter: 0.9,
              replies: [
                {
                  name: 'Hadi M.',
                  email: 'hadi.m@example.org',
                  body: 'Thanks. A table is all I ask. I teach secondary-school geography and this is a perfect case study for my class.',
                  hoursAfter: 1.3,
                },
              ],
            },
          ],
        },
        {
          name: 'Owen Bright',
          email: 'owen.bright@example.com',
          url: 'https://owenbright.example.com',
          body: 'The evaporation figure seems high for a fifth of the surface. Happy to be proven wrong once the measurements come in.',
          hoursAfter: 1.1,
          replies: [
            {
              name: 'Leila T.',
              email: 'leila.t@example.org',
              body: 'Floating arrays in hot climates have shown bigger savings than you might expect, but the story is right to flag it as a model estimate.',
              hoursAfter: 1.6,
            },
          ],
        },
        {
          name: 'Rami S.',
          email: 'rami.s@example.com',
          body: 'Fourteen months for a project like this is honestly not bad, delays included.',
          hoursAfter: 1.8,
        },
      ],
    },

    // ---------------------------------------------------------------- Gulf (Arabic)
    {
      slug: 'saif-al-bahr-new-fish-market',
      title: 'افتتاح سوق جديد للأسماك في ميناء سيف البحر بعد عامين من البناء',
      dek: 'يضم السوق غرف تبريد تعمل بالطاقة الشمسية، ويقول الصيادون إنها ستحدّ من الفاقد في صيدهم اليومي.',
      kind: 'news',
      lang: 'ar',
      dir: 'rtl',
      category: 'gulf',
      tags: ['food-prices', 'solar'],
      authors: ['layla-haddad'],
      hoursAgo: 5,
      body: md(
        'افتتحت بلدية سيف البحر صباح اليوم سوقًا جديدًا للأسماك على الواجهة البحرية للميناء القديم، بعد عامين من أعمال البناء التي تأخرت مرتين بسبب ارتفاع أسعار المواد.',
        'ويضم السوق اثنين وستين كشكًا للبيع، وقاعة للمزاد الصباحي، وغرف تبريد تعمل بالكهرباء المولَّدة من ألواح شمسية مثبتة على السطح. وقالت المهندسة دانة الشامسي، مديرة المشروع في البلدية، إن الألواح توفر نحو نصف حاجة المبنى من الكهرباء خلال أشهر الصيف، وإن البلدية ستنشر بيانات الاستهلاك كل ثلاثة أشهر.',
        'وقال سالم العبدولي، وهو صياد يعمل في الميناء منذ ثلاثين عامًا: «كنا نخسر جزءًا من الصيد كل يوم لأن الثلج كان ينفد قبل الظهر. الآن أصبحت غرف التبريد على بُعد خطوات من القوارب، وهذا يغيّر الكثير».',
        '## ماذا يتغير بالنسبة إلى المستهلكين؟',
        'تقول البلدية إن الأسعار لن تتغير في المرحلة الأولى، لكنها تتوقع أن يسهم تقليل الفاقد في استقرار الأسعار على المدى المتوسط. كما خُصصت مساحة لبيع منتجات المزارع المحلية يومَي الجمعة والسبت.',
        'وكان تقرير صادر عن جمعية الصيادين المحلية العام الماضي قد قدّر أن نحو خُمس الصيد يتلف قبل وصوله إلى المشترين، ولا سيما في أشهر الصيف، حين ترتفع درجات الحرارة وتطول ساعات الانتظار على الرصيف.',
        'ومن المقرر أن يفتح السوق أبوابه يوميًا من الخامسة فجرًا حتى الواحدة ظهرًا، على أن تُقام المزادات بين السادسة والثامنة صباحًا. وتدرس البلدية تمديد ساعات العمل مساءً خلال شهر رمضان.',
      ),
      comments: [
        {
          name: 'عبدالله س.',
          email: 'abdullah.s@example.org',
          body: 'خبر جميل. هل يوجد موقف للسيارات قريب من السوق؟ فالازدحام في الميناء القديم مشكلة قديمة.',
          hoursAfter: 1,
          replies: [
            {
              name: 'مريم ح.',
              email: 'maryam.h@example.com',
              body: 'نعم، بحسب لوحة المشروع عند المدخل، يوجد خلف المبنى موقف يتسع لنحو مئتي سيارة.',
              hoursAfter: 2.5,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Markets
    {
      slug: 'container-freight-rates-ease-third-week',
      title: 'Container freight rates on Gulf routes ease for a third week',
      dek: 'Spot prices for shipping a standard box to East Asia fell 4 percent as new vessels outpaced cargo growth.',
      excerpt:
        'Shipping a container from the Gulf to East Asia is now 18 percent cheaper than at the start of the quarter, but importers say shoppers have not felt it yet.',
      kind: 'news',
      category: 'markets',
      tags: ['shipping', 'trade'],
      authors: ['daniel-okafor'],
      source: {
        slug: 'gulf-harbor-wire',
        originalUrl: 'https://gulfharbor.example.com/markets/freight-rates-ease-third-week',
        originalAuthor: 'Imran Qadir',
      },
      hoursAgo: 9,
      image: {
        file: 'freight-chart.svg',
        alt: 'An orange line chart falling from left to right above a small stack of coloured shipping containers.',
        caption: 'Spot rates on the main Asian routes have fallen for three consecutive weeks.',
        credit: CREDIT,
      },
      body: md(
        'Spot rates for shipping containers from Gulf ports to East Asia fell for a third consecutive week, according to a weekly index compiled by freight brokers in Ras Sawda, as new vessels joined the main routes faster than cargo volumes grew.',
        'The price of moving a standard forty-foot container to the major Asian hubs dropped 4 percent from the previous week, leaving it about 18 percent below its level at the start of the quarter. Rates on routes to East Africa were broadly unchanged.',
        '“Carriers took delivery of a lot of ships ordered two years ago, and they all need filling,” said Hessa Marri, a chartering manager at a Ras Sawda brokerage. “Shippers have more choice than they’ve had in a long time, and they know it.”',
        'Importers welcomed the decline, though several said the savings had not yet reached retail shelves, because most goods now arriving were booked at earlier, higher prices.',
        'Brokers expect the slide to slow in the coming weeks as carriers cancel some departures, a practice known in the industry as *blank sailings*. Two large lines have already announced they will skip a handful of sailings next month.',
        'The index is published each Thursday and covers eleven routes from Gulf ports. Analysts caution that weekly movements can be volatile and that contract rates, which cover most cargo, adjust more slowly than spot prices.',
      ),
      comments: [
        {
          name: 'Priya Raman',
          email: 'priya.raman@example.com',
          body: 'The point about savings not reaching shelves yet is the one most coverage misses. Thank you.',
          hoursAfter: 3,
        },
        {
          name: 'Mark Feld',
          email: 'mark.feld@example.org',
          url: 'https://markfeld.example.org',
          body: 'Would love a chart of contract rates alongside the spot index next time.',
          hoursAfter: 5.5,
          replies: [
            {
              name: 'Priya Raman',
              email: 'priya.raman@example.com',
              body: 'Seconded. The gap between the two is the whole story for smaller importers.',
              hoursAfter: 7,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Iran
    {
      slug: 'kuhsaran-council-election-turnout',
      title: 'Kuhsaran council election draws its highest turnout in two decades',
      dek: 'Water allocation dominated the campaign in the mountain town, where three of seven seats changed hands.',
      kind: 'news',
      category: 'iran',
      tags: ['local-elections', 'water'],
      authors: ['mina-farahani'],
      hoursAgo: 14,
      updatedHoursAgo: 10,
      body: md(
        'Voters in Kuhsaran, a mountain town of about 48,000 people in northwestern Iran, turned out in their largest numbers in twenty years to elect a new city council, with official figures showing participation of 61 percent.',
        'Three of the council’s seven seats changed hands. Two went to candidates from a farmers’ list that campaigned almost entirely on how water from the town’s reservoir should be divided between households and orchards, and one to a retired civil engineer standing as an independent.',
        '“Every conversation at the door came back to water,” said Shirin Navabi, 34, one of the newly elected councillors, who runs a small apple-packing business. “People wanted to know how many hours a day the pressure would stay on, not our views on anything else.”',
        'Counting continued through the night at the town’s sports hall, and results were posted on the municipal notice board shortly after dawn.',
        '## What the new council inherits',
        'The council will take office next month and must approve a budget that includes the replacement of about 30 kilometres of ageing distribution pipes, a project that has been postponed twice. The outgoing council estimated that nearly a third of treated water is lost to leaks before it reaches homes.',
        'Behzad Rostami, the engineer elected as an independent, said he would push for the pipe work to be split into smaller contracts so that local firms could bid. “A project this size should not take a decade,” he said.',
        'Turnout among voters under 30 rose sharply, according to the local election office, which attributed part of the increase to a new polling station near the vocational college.',
        '*This story has been updated with final turnout figures from the local election office.*',
      ),
    },

    // ---------------------------------------------------------------- Columns
    {
      slug: 'the-most-expensive-water-is-the-water-nobody-pays-for',
      title: 'The most expensive water is the water nobody pays for',
      dek: 'Cities lose a startling share of what they treat before it reaches a tap. Fixing that is cheaper than any new plant.',
      excerpt:
        'A litre lost after treatment has already absorbed the cost of pumping, chemicals and often desalination. Our columnist on the number every water bill should print.',
      kind: 'opinion',
      category: 'columns',
      tags: ['water', 'infrastructure'],
      authors: ['samira-khoury'],
      hoursAgo: 20,
      body: md(
        'Every utility engineer knows the phrase *non-revenue water*. It is the polite name for water that a city has collected, treated and pumped, and then lost: to leaking pipes, broken meters, unrecorded connections and billing errors. In many of the region’s cities it accounts for between a quarter and two-fifths of everything produced.',
        'That number should be printed on every water bill. It rarely is.',
        '## Why it matters more than it sounds',
        'A litre lost after treatment is not the same as a litre left in a river. It has already absorbed the cost of pumping, chemicals and, on the coast, the considerable energy of desalination. When a desalinated litre leaks into the soil under a road, the city has effectively burned fuel to water the asphalt.',
        'The remedies are not glamorous, which is partly why they are neglected:',
        [
          '- **District metering**, which divides a network into zones so that losses can be located rather than guessed at;',
          '- **Pressure management**, because pipes under lower pressure at night leak less and burst less often;',
          '- **Steady replacement**, a few percent of the network every year rather than heroic programmes every thirty years;',
          '- **Honest billing**, so that the gap between what is produced and what is paid for is measured at all.',
        ],
        'None of these produces a ribbon-cutting ceremony. A new plant does. That is the political problem in a sentence.',
        'I am not arguing that cities should stop building. Populations grow and climates shift. But a utility that loses a third of its output has not yet earned the right to ask for a larger plant, and its customers are entitled to ask how much of the last one ended up under the pavement.',
        '*Samira Khoury writes the fortnightly column Running Costs.*',
      ),
      comments: [
        {
          name: 'Tariq Hamdan',
          email: 'tariq.h@example.org',
          body: 'As someone who has worked night shifts on a pressure management project: yes, yes and yes. Lowering night pressure made a visible difference within months.',
          hoursAfter: 2,
          replies: [
            {
              name: 'Nadia Aoun',
              email: 'nadia.aoun@example.com',
              body: 'How did residents on the top floors of tall buildings cope with the lower pressure?',
              hoursAfter: 4.5,
              replies: [
                {
                  name: 'Tariq Hamdan',
                  email: 'tariq.h@example.org',
                  body: 'Most towers have rooftop tanks and booster pumps, so the effect was small. A few older low-rise streets needed adjustments.',
                  hoursAfter: 6,
                },
              ],
            },
          ],
        },
        {
          name: 'Joe Palmer',
          email: 'joe.palmer@example.com',
          body: 'Is there a public comparison table of cities’ loss rates anywhere? Would be good to see one.',
          hoursAfter: 11,
          status: 'pending',
        },
      ],
    },

    // ---------------------------------------------------------------- World
    {
      slug: 'brennvik-votes-to-keep-its-tram',
      title: 'Brennvik votes to keep its century-old tram line',
      dek: 'A local referendum rejected replacing the single-track line with electric buses, by 58 percent to 42.',
      kind: 'news',
      category: 'world',
      tags: ['public-transport', 'local-elections'],
      authors: ['jonas-lindqvist'],
      hoursAgo: 27,
      image: {
        file: 'tram-town.svg',
        alt: 'A red tram climbing a green hillside dotted with painted wooden houses above a fjord.',
        caption: 'Brennvik’s tram has climbed from the harbour to the hillside districts since 1921.',
        credit: CREDIT,
      },
      body: md(
        'Residents of Brennvik, a fjord town of 21,000 people on Norway’s west coast, have voted to keep and renovate the single-track tram line that has climbed from the harbour to the hillside districts since 1921.',
        'In a municipal referendum held on Sunday, 58 percent of voters backed a plan to replace the rails and overhead wires over four years, against 42 percent who favoured converting the route to battery-electric buses. Turnout was 67 percent.',
        'The renovation is expected to cost about 310 million kroner, roughly a third more than the bus option, according to figures prepared by the municipality. Supporters argued that the tram’s longer lifespan and lower running costs would close much of that gap over four decades.',
        '“The buses were the sensible spreadsheet answer, and I respect that,” said Ingrid Solheim, who chaired the campaign to keep the line. “But people here also voted for a street that feels like it belongs to them.”',
        'Opponents accepted the result. Per Aasland, a councillor who backed the bus plan, said he would now focus on keeping the work on budget. “The question has changed from whether to how,” he said.',
        'Work is due to start next spring on the lower section near the harbour, during which a replacement bus service will run. The town’s four trams, the oldest built in 1954, will be refurbished in stages at the depot workshop.',
      ),
      comments: [
        {
          name: 'Elin K.',
          email: 'elin.k@example.org',
          body: 'I rode this tram as a child when visiting my grandmother. Glad it stays.',
          hoursAfter: 3,
        },
        {
          name: 'Sam Whitaker',
          email: 'sam.w@example.com',
          url: 'https://samwhitaker.example.com',
          body: 'A third more expensive up front is a lot for a town that size. I hope the running-cost projections hold up.',
          hoursAfter: 9,
          replies: [
            {
              name: 'Elin K.',
              email: 'elin.k@example.org',
              body: 'Fair point. The municipality published the full comparison, and maintenance on the old buses was a bigger item than I expected.',
              hoursAfter: 12,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Science
    {
      slug: 'oasis-date-palm-survey-genetic-diversity',
      title: 'Survey of old oasis groves finds hidden genetic diversity in date palms',
      dek: 'Researchers sampled 1,400 trees and found several local varieties that appear to tolerate saltier water.',
      excerpt:
        'A three-year survey of century-old groves turned up date palm varieties missing from commercial catalogues, some of which kept fruiting on brackish water.',
      kind: 'news',
      category: 'science',
      tags: ['agriculture', 'climate'],
      authors: ['jonas-lindqvist'],
      hoursAgo: 33,
      body: md(
        'A three-year survey of date palms in the region’s older oasis groves has found far more genetic variety than researchers expected, including several little-known local varieties that appear to tolerate saltier irrigation water.',
        'The study, carried out by the Institute for Arid Lands Research in Wadi Marzan, sampled 1,400 trees across 37 groves, some of them planted more than a century ago. Many farms in the region have replaced traditional varieties with a small number of commercial cultivars prized for their fruit and shelf life.',
        '“We went in expecting to find a few old varieties hanging on at the edges,” said Lubna Harthy, the plant geneticist who led the work. “Instead we found whole groves that are genetically distinct from anything in the commercial catalogues.”',
        'Seven of the local varieties continued to grow and fruit in plots watered with brackish groundwater, at salt levels that stunted the commercial cultivars in the same trial. The researchers caution that the trials ran for only two seasons and that fruit quality was not assessed.',
        'The findings matter because groundwater in many coastal oases has grown saltier as aquifers are drawn down and seawater seeps in. Farmers have few options other than costly desalination or abandoning their plots.',
        'The institute has begun collecting offshoots of the most promising trees for a gene bank and a demonstration farm. Dr. Harthy said growers who recognise the varieties from their own family farms are invited to get in touch. “Some of the best information we have came from people who simply remembered what their grandparents grew,” she said.',
      ),
    },

    // ---------------------------------------------------------------- Economy
    {
      slug: 'analysis-food-prices-easing-coast-inland',
      title: 'Analysis: Why food prices are easing faster on the coast than inland',
      dek: 'Cheaper freight and new cold storage are reaching port cities first. Inland towns face a longer wait.',
      excerpt:
        'Falling freight rates and new cold storage are lowering food bills in port cities. Inland, the last mile still sets the price.',
      kind: 'analysis',
      category: 'economy',
      tags: ['food-prices', 'trade', 'shipping'],
      authors: ['daniel-okafor'],
      hoursAgo: 41,
      body: md(
        'Food prices across the region have started to ease after two difficult years, but the relief is arriving unevenly. In port cities, the cost of a typical basket of staples has fallen for four straight months. In inland towns a few hundred kilometres away, prices have barely moved.',
        'Three factors explain most of the gap.',
        '**Freight.** Container rates on the main Asian routes have fallen sharply this quarter. Importers in port cities feel that quickly. Goods bound inland still have to travel by road, and trucking costs, driven by diesel and drivers’ wages, have not fallen at all.',
        '**Storage.** A wave of new cold-storage capacity at ports, including the hub opened recently at Ras Sawda, means less fresh produce spoils before sale. Inland wholesale markets have seen little comparable investment.',
        '**Competition.** Coastal cities typically have several large supermarket chains competing for shoppers. Many inland towns have one or two, and independent grocers buying through the same few wholesalers.',
        '“The coast is getting the benefit of global prices falling,” said Omar Said, an economist at the Levant Institute for Trade Studies, a research group. “The interior is still paying for the last mile, and the last mile is where the costs are.”',
        'There are reasons to expect the gap to narrow. Diesel prices have stabilised, and two regional governments have announced funding for inland cold-storage facilities. But those projects will take at least eighteen months to build.',
        'For households, the practical consequence is that national inflation figures, which blend urban and rural prices, may overstate the relief felt inland. Several statistics offices publish regional breakdowns; they are worth reading alongside the headline number.',
      ),
    },

    // ---------------------------------------------------------------- Middle East
    {
      slug: 'regional-rail-study-recommends-coastal-route',
      title: 'Regional rail study recommends a coastal route for the first freight link',
      dek: 'The feasibility report favours a 740-kilometre line along the coast over a shorter inland alignment.',
      kind: 'news',
      category: 'middle-east',
      tags: ['infrastructure', 'trade', 'public-transport'],
      authors: ['layla-haddad'],
      source: {
        slug: 'northgate-press',
        originalUrl: 'https://northgate.example.net/world/regional-rail-study-coastal-route',
        originalAuthor: 'Petra Lund',
      },
      hoursAgo: 50,
      image: {
        file: 'rail-corridor.svg',
        alt: 'Railway tracks converging towards a low sun on the horizon, with the sea on the left.',
        caption: 'The preferred route would run close to the coast for most of its length.',
        credit: CREDIT,
      },
      body: md(
        'A long-awaited feasibility study for a freight railway linking ports across the region has recommended a 740-kilometre coastal route, arguing that it would serve more industrial zones than a shorter inland alignment despite higher construction costs.',
        'The report, commissioned by a consortium of port authorities and published on Monday, estimates that the coastal line would cost between 9 and 11 billion dollars and could carry up to 14 million tonnes of cargo a year by its tenth year of operation. The inland option, about 120 kilometres shorter, was estimated at 8 billion dollars but would bypass three of the five largest free zones.',
        '“Railways live or die by what they carry, not by how short they are,” said Karim Mansour, the consultant engineer who led the study team. “A cheaper line that misses the cargo is not cheaper for long.”',
        'The study also recommends that the line be built to allow passenger services later, with stations at six coastal towns, though passenger trains are not included in its cost estimate.',
        'Environmental groups have asked for detailed surveys of two coastal wetlands that the preferred route would cross on embankments. The report acknowledges the concern and suggests viaducts at both sites, adding about 300 million dollars to the bill.',
        'The consortium said it would take public comments for ninety days before a final decision. The full report and an executive summary are available [on the consortium’s website](https://example.org/rail-corridor-study).',
      ),
    },

    // ---------------------------------------------------------------- Culture (film review)
    {
      slug: 'review-low-tide',
      title: 'Review: ‘Low Tide’ is a patient, luminous film about a family and the sea',
      dek: 'Yasmin Sabet’s second feature follows three generations of a pearl-diving family, and rarely raises its voice.',
      kind: 'review',
      category: 'culture',
      tags: ['film', 'heritage'],
      authors: ['jonas-lindqvist'],
      hoursAgo: 60,
      image: {
        file: 'film-review.svg',
        alt: 'A cinema screen showing a small wooden boat on the sea at sunset, above a strip of film and rows of seats.',
        caption: '*Low Tide* opens this week at Cinema Firdaus.',
        credit: CREDIT,
      },
      body: md(
        'There is a scene about halfway through *Low Tide* in which an old man teaches his granddaughter to make a diver’s nose clip from a strip of shell and cord. It lasts almost four minutes, nobody speaks, and it is the most gripping thing I have seen in a cinema this year.',
        'Yasmin Sabet’s second feature follows the Bakr family over a single summer in a small harbour town, as the grandfather, Salem, prepares to sell the wooden boat his own father used for pearling. His son runs a hardware shop and wants the money; his granddaughter Mira, home from university, wants the boat kept and the stories recorded before they disappear.',
        'It is not a plot-heavy film, and it does not pretend to be. Sabet and her cinematographer, Fadi Nouri, shoot the harbour in long, unhurried takes at first and last light, and the sea is never simply scenery. The sound design, full of creaking rope, coughing engines and distant radios, does as much storytelling as the dialogue.',
        'The performances are uniformly restrained. Adel Fahmy, a stage actor in his first major film role, gives Salem a stubborn dignity without sentimentality, and Nour Jaber is very good as Mira, who slowly realises that keeping the past alive is harder work than admiring it.',
        'If the film has a weakness, it is the final act, which resolves the family’s dilemma a little too neatly. But that is a small complaint about a film that trusts its audience to sit still and look.',
        '***Low Tide*** opens this week at Cinema Firdaus and selected screens. Running time: 112 minutes. In Arabic with English subtitles.',
      ),
    },

    // ---------------------------------------------------------------- Energy
    {
      slug: 'qasr-nadira-refinery-postpones-maintenance',
      title: 'Qasr Nadira refinery postpones maintenance shutdown to October',
      dek: 'The operator says the delay will keep fuel supplies steady through the summer peak.',
      kind: 'news',
      category: 'energy',
      tags: ['oil-and-gas', 'trade'],
      authors: ['daniel-okafor'],
      source: {
        slug: 'northgate-press',
        originalUrl: 'https://northgate.example.net/energy/qasr-nadira-refinery-maintenance',
        originalAuthor: 'Anders Holm',
      },
      hoursAgo: 71,
      updatedHoursAgo: 60,
      body: md(
        'The operator of the Qasr Nadira refinery has postponed a planned five-week maintenance shutdown from June to October, saying the delay will allow it to keep domestic fuel supplies steady during the summer peak in demand.',
        'The 220,000-barrel-a-day plant, the largest in the country’s north, supplies about 40 percent of the region’s diesel and most of the jet fuel used at its two international airports. Maintenance of this kind, known in the industry as a turnaround, involves inspecting and repairing furnaces, distillation columns and safety systems.',
        '“We have completed the engineering review and we are satisfied that the units can run safely for another four months,” said Faisal Amiri, the refinery’s operations director, in a statement. He said inspections of critical equipment had been brought forward to May as a precaution.',
        'Fuel distributors welcomed the decision. During the last turnaround, three years ago, the country imported diesel to cover the shortfall, and pump prices in the north rose briefly.',
        'Traders said the change in timing could tighten regional diesel markets slightly in the autumn, when two other refineries in the region are also scheduled for maintenance. One analyst described the likely effect as “noticeable but manageable”.',
        '*Correction: An earlier version of this story misstated the refinery’s capacity. It is 220,000 barrels a day, not 200,000.*',
      ),
    },

    // ---------------------------------------------------------------- Gulf
    {
      slug: 'ras-sawda-port-cold-storage-hub',
      title: 'Ras Sawda port opens a cold-storage hub for fresh produce',
      dek: 'The 30,000-pallet facility is meant to cut spoilage on imported fruit and vegetables.',
      excerpt:
        'Refrigerated containers will no longer wait on the quay for an inspector: the port’s new hub lets food-safety checks happen inside the cold chambers.',
      kind: 'news',
      category: 'gulf',
      tags: ['shipping', 'food-prices', 'trade'],
      authors: ['layla-haddad'],
      source: {
        slug: 'gulf-harbor-wire',
        originalUrl: 'https://gulfharbor.example.com/ports/ras-sawda-cold-storage-hub',
        originalAuthor: 'Maha Sulaiti',
      },
      hoursAgo: 84,
      body: md(
        'The port of Ras Sawda has opened a temperature-controlled warehouse with space for 30,000 pallets of fresh produce, in a bid to reduce spoilage on imported fruit and vegetables and shorten the time refrigerated containers spend waiting on the quay.',
        'The facility, built next to the port’s container terminal, has 24 separate chambers that can be set to different temperatures and humidity levels, suitable for anything from bananas to leafy greens. Inspectors from the food safety authority will work on site, so that shipments can be checked and released without being moved elsewhere.',
        '“Before this, a container of strawberries might sit at the terminal for a day waiting for an inspector and a truck,” said Walid Kanaan, the port’s commercial director. “Now it goes straight into a chamber, is inspected there, and leaves when the buyer is ready.”',
        'Port officials expect the hub to cut the average dwell time for refrigerated containers from 3.2 days to under two. Wholesalers said they hoped lower losses would eventually show up in shop prices, though none would put a figure on it.',
        'The warehouse roof carries a 4-megawatt solar installation, which the port says will cover about a third of the building’s electricity use. The project cost 63 million dollars and was built by a joint venture between the port authority and a logistics company.',
        'A second phase, adding frozen storage for fish and meat, is planned for next year.',
      ),
    },

    // ---------------------------------------------------------------- Opinion
    {
      slug: 'a-town-hall-is-never-a-small-story',
      title: 'A town hall is never a small story',
      dek: 'Local councils decide the things readers feel every day. Our coverage should reflect that.',
      kind: 'opinion',
      category: 'opinion',
      tags: ['local-elections', 'infrastructure'],
      authors: ['mina-farahani'],
      hoursAgo: 97,
      body: md(
        'When I started covering municipal councils, an older colleague told me kindly that I would move on to “real stories” soon enough. Ten years later, I am still waiting for a story more real than a council deciding how many hours a day a neighbourhood has water pressure.',
        'National politics attracts most of the attention, the commentary and the resources of newsrooms. But the decisions that shape an ordinary day are more often made in a room with a long table, a projector that does not quite work and a few rows of plastic chairs: which roads are resurfaced, where a bus stops, whether the school gets a new roof before or after the rains.',
        'Those rooms are often nearly empty. Agendas are posted late, minutes later still, and budgets are published as scanned documents that are hard to search. Local newspapers that once sent a reporter to every session have closed or shrunk.',
        'This is not a complaint about councillors, most of whom work hard for little reward. It is an argument for attention. Where someone is watching, meetings are better prepared, contracts are more carefully explained, and residents know when to speak up.',
        'At the Ledger we have made a modest commitment: to attend, or watch online, at least one council session a week somewhere in the region, and to report what was decided even when it is not dramatic. The response to our coverage of local elections this year suggests that readers are paying closer attention than we sometimes assume.',
        'If your council publishes its agenda and nobody writes about it, tell us. A town hall is never a small story. It is just a story nobody has been sent to cover.',
      ),
    },

    // ---------------------------------------------------------------- Science
    {
      slug: 'desalination-membrane-pilot-energy-savings',
      title: 'Engineers test a membrane that could cut desalination’s energy use',
      dek: 'A pilot at a coastal research station reports a 20 percent saving, but scaling up remains the hard part.',
      kind: 'news',
      category: 'science',
      tags: ['desalination', 'water', 'climate'],
      authors: ['jonas-lindqvist'],
      hoursAgo: 112,
      body: md(
        'Engineers at a coastal research station have reported energy savings of about 20 percent in a year-long pilot of a new type of membrane for desalination, a result they describe as promising but far from ready for full-scale plants.',
        'Most modern desalination relies on reverse osmosis, in which seawater is pushed at high pressure through membranes that let water molecules pass and hold back salt. Pumping at those pressures accounts for the bulk of a plant’s running costs and much of its carbon footprint.',
        'The pilot at the Ras Sawda Marine Technology Station used membranes with a layered structure designed to let water through more easily at lower pressure. Over twelve months, the unit produced about 50 cubic metres of fresh water a day, enough for a few hundred people, while using less electricity per cubic metre than a conventional unit running alongside it.',
        '“The membrane behaved well through a full summer, which is where many promising materials fail,” said Hamid Saberi, the station’s head of process engineering. “But fifty cubic metres is a long way from the hundreds of thousands a large plant produces.”',
        'Independent researchers said the next questions were durability and cost. Membranes in large plants are typically replaced every five to seven years, and a more efficient one that wears out faster may save little overall. Fouling, the build-up of algae and mineral deposits, is another concern in warm Gulf waters.',
        'The station plans a larger trial next year in partnership with a membrane manufacturer, and will publish its full data set at the end of the pilot.',
      ),
    },

    // ---------------------------------------------------------------- Columns
    {
      slug: 'who-pays-for-the-batteries',
      title: 'Who pays for the batteries that keep solar power on after dark?',
      dek: 'Storage is the quiet revolution in the region’s grids. Its bill deserves a public conversation.',
      kind: 'opinion',
      category: 'columns',
      tags: ['solar', 'infrastructure'],
      authors: ['samira-khoury'],
      hoursAgo: 130,
      body: md(
        'For a decade the debate about solar power in the region was about panels: how cheap they could get, how much land they needed, how much dust they gathered. That debate is essentially over. Solar is now the cheapest source of new daytime electricity almost everywhere from the Gulf to the Levant.',
        'The new question is what happens at seven in the evening, when the sun has set and air conditioners are still running. The answer, increasingly, is large batteries, and they are arriving faster than most planners predicted.',
        'Batteries are a good investment for grids. They smooth out peaks, reduce the need for gas plants that run only a few hours a day, and can respond to faults within milliseconds. But they also raise a question that has received far too little public discussion: *who pays?*',
        'There are, broadly, three options. Utilities can fold storage costs into general tariffs, spreading them across every customer. Governments can fund them from budgets, as they did for many power plants. Or tariffs can vary by time of day, so that those who use the most electricity in the evening pay more of the cost.',
        'Each choice has consequences. The third is the most efficient on paper, but it lands hardest on households that cannot shift their usage: families with small children, older people at home all day, shift workers. The first is simple but hides the cost. The second depends on budgets that may not last.',
        'My own view is that time-of-day pricing is right in principle, **provided** it comes with a protected basic allowance at a flat, low rate for every household. Efficiency and fairness are not opposites, but they have to be designed together.',
        'What would be a mistake is to make this decision quietly, in a regulator’s annex, and let citizens discover it on their bills.',
      ),
    },

    // ---------------------------------------------------------------- Series, Part III (Science)
    {
      slug: 'water-ledger-fixing-the-leaks',
      title: 'The Water Ledger: Fixing the leaks before building the next plant (Part III)',
      dek: 'In the final part of our series, we look at the cities that have cut their losses, and what it took.',
      excerpt:
        'Between 18 and 41 percent of treated water never reaches a paying customer. The cities that have changed that share a short, unglamorous list of habits.',
      kind: 'news',
      category: 'science',
      tags: ['water', 'infrastructure', 'desalination'],
      authors: ['layla-haddad', 'jonas-lindqvist'],
      series: { slug: 'the-water-ledger', part: 3 },
      hoursAgo: 150,
      image: {
        file: 'water-drops.svg',
        alt: 'Grey water pipes against a dark blue background, with drops falling from two joints into rippling puddles.',
        caption: 'Across the cities we examined, up to two-fifths of treated water never reached a paying customer.',
        credit: CREDIT,
      },
      body: md(
        'Over the past week this series has followed water from the sea, through desalination plants on the Gulf coast, and from mountain aquifers, through the ancient qanats of central Iran. This final part asks a simpler question: once water has been won at such cost, how much of it is kept?',
        '## The arithmetic of loss',
        'Across the cities we examined, between 18 and 41 percent of treated water never reached a paying customer. Some of it leaked; some passed through broken or missing meters; some was simply never billed.',
        'The cities that have reduced those losses did not rely on a single technology. Their common elements were remarkably consistent:',
        [
          '1. Dividing the network into metered districts, so that losses could be located;',
          '2. Lowering pressure at night, when demand falls and leaks do the most damage;',
          '3. Replacing a small, fixed share of pipes every year, regardless of the electoral calendar;',
          '4. Publishing the results, including the bad ones.',
        ],
        'In Ras Sawda, where we began this series, the municipal utility cut its losses from 34 to 21 percent in six years. Its director of networks, Mariam Obaid, was blunt about why.',
        '> “The technology was the easy part. The hard part was agreeing that a kilometre of new pipe in a poor district was worth as much as a new fountain on the corniche.”',
        '## Sensors and satellites',
        'Newer tools are helping. Acoustic sensors clipped to pipes can detect the sound of a leak, and some utilities are trialling satellite radar that picks up moisture under roads. At a research station in Wadi Marzan, engineers are training software to flag unusual night-time flows within minutes.',
        'But researchers caution against treating gadgets as a substitute for maintenance budgets. “A sensor tells you where the hole is,” said Elif Demir, a hydraulic engineer who reviews utility performance for development lenders. “Somebody still has to dig.”',
        'The utilities’ own performance reports, where published, are collected [in our data appendix](https://example.org/water-ledger-data).',
      ),
    },

    // ---------------------------------------------------------------- World
    {
      slug: 'porto-aurelio-dock-workers-pay-deal',
      title: 'Dock workers and operators agree a three-year pay deal at Porto Aurelio',
      dek: 'The agreement ends six months of talks and introduces the port’s first heat-safety rules.',
      kind: 'news',
      category: 'world',
      tags: ['shipping', 'trade'],
      authors: ['daniel-okafor'],
      source: {
        slug: 'northgate-press',
        originalUrl: 'https://northgate.example.net/world/porto-aurelio-dock-pay-deal',
        originalAuthor: 'Sofia Brandt',
      },
      hoursAgo: 222,
      updatedHoursAgo: 210,
      body: md(
        'Dock workers at Porto Aurelio, one of southern Europe’s busier container ports, have approved a three-year pay agreement with terminal operators, ending six months of negotiations that had raised concerns among shipping lines about possible disruption.',
        'Under the deal, basic wages rise by 4.5 percent this year and by 3.5 percent in each of the following two years. Night-shift allowances increase, and the operators have agreed to fund a training programme for crane operators, who are in short supply.',
        'The agreement also introduces heat-safety rules, a first for the port: outdoor work will be paused or rotated when a combined temperature and humidity index passes set thresholds, and shaded rest areas with drinking water will be installed at each terminal.',
        '“It was the heat clause that got the deal over the line,” said Marta Quintela, a spokesperson for the dockworkers’ union, which represents about 2,300 members. “Pay matters, but so does coming home in one piece.”',
        'The terminal operators’ association said in a statement that the deal was “fair and sustainable” and would give customers certainty. Members voted 81 percent in favour, according to the union.',
        'Shipping lines had begun warning customers of possible delays in the spring, though no strike was ever called. Port throughput rose 6 percent last year, driven largely by transshipment cargo.',
        '*This story has been updated with the result of the members’ vote.*',
      ),
    },

    // ---------------------------------------------------------------- Culture (book review)
    {
      slug: 'review-the-salt-road',
      title: 'Review: ‘The Salt Road’ follows one family through four ports and a century',
      dek: 'Hana Dabbagh’s debut novel is generous, crowded and occasionally overwhelming, in the best way.',
      kind: 'review',
      category: 'culture',
      tags: ['books', 'heritage', 'shipping'],
      authors: ['jonas-lindqvist'],
      hoursAgo: 250,
      image: {
        file: 'salt-road-book.svg',
        alt: 'An open book whose pages show a dotted red route linking four ports above small blue waves.',
        caption: '*The Salt Road* moves through four ports over a hundred years.',
        credit: CREDIT,
      },
      body: md(
        'Hana Dabbagh’s first novel opens in 1921 with a boy stowing away on a cargo dhow and closes a hundred years later with his great-granddaughter clearing out a warehouse in a port city he never lived to see. In between are four ports, five generations and a cast large enough that the family tree printed inside the cover is not a luxury but a necessity.',
        '*The Salt Road* is organised around those ports (a pearling town, a colonial entrepôt, an oil boomtown and a modern container hub) and each section is told from a different family member’s point of view. The structure lets Dabbagh show how trade remakes people: whom they marry, which languages their children speak, what they choose to forget.',
        'Her prose is at its best in small physical details. A grandmother counts money by the weight of coins in a cloth bag; a customs clerk keeps his ledger in three scripts; a dock crane is described as “bowing like a tired waiter”. These moments carry more history than the occasional passages of exposition, which can feel like a lecture dropped into a novel.',
        'The third section, set during the oil boom, is the strongest. Its narrator, Amal, a pharmacist who builds a business and loses a marriage, is the book’s most fully realised character, and her chapters have a momentum the others sometimes lack.',
        'At 540 pages the novel asks for patience, and a tighter edit would have helped its final third. But it is rare to find a book that treats commerce with such tenderness, and rarer still to find one that makes a bill of lading read like a love letter.',
        '**The Salt Road**, by Hana Dabbagh. Harbour Lane Books, 540 pages.',
      ),
      comments: [
        {
          name: 'Yara B.',
          email: 'yara.b@example.com',
          body: 'Read this on holiday and agree that the oil-boom section is the best. Amal deserves a book of her own.',
          hoursAfter: 6,
          replies: [
            {
              name: 'Chris O.',
              email: 'chris.o@example.org',
              body: 'I found the first section slow, but it paid off later. Worth persisting.',
              hoursAfter: 20,
            },
          ],
        },
        {
          name: 'Best Deals Online',
          email: 'promo@example.com',
          url: 'https://deals.example.com',
          body: 'Great article!!! Discount watches and bags at our shop, free shipping today only!!!',
          hoursAfter: 31,
          status: 'spam',
        },
        {
          name: 'Lina F.',
          email: 'lina.f@example.org',
          body: 'Is an Arabic edition planned? I would love to give it to my mother.',
          hoursAfter: 40,
        },
      ],
    },

    // ---------------------------------------------------------------- Series, Part II (Iran)
    {
      slug: 'water-ledger-where-the-qanats-still-run',
      title: 'The Water Ledger: Where the qanats still run (Part II)',
      dek: 'In a desert town in central Iran, a centuries-old tunnel still waters the orchards, with a great deal of help.',
      kind: 'news',
      category: 'iran',
      tags: ['water', 'agriculture', 'heritage', 'archaeology'],
      authors: ['mina-farahani', 'layla-haddad'],
      series: { slug: 'the-water-ledger', part: 2 },
      hoursAgo: 256,
      image: {
        file: 'qanat.svg',
        alt: 'Cross-section of a desert slope: vertical shafts descend from mounds on the surface to a gently sloping water channel that emerges beside green trees.',
        caption: 'A qanat carries groundwater by gravity from the foot of the mountains to the orchards.',
        credit: CREDIT,
      },
      body: md(
        'From the air, the qanat of Sarab-e Nila looks like a line of craters marching across the desert: more than 200 vertical shafts, each ringed by a mound of excavated earth, running nine kilometres from the foot of the mountains to the edge of town.',
        'Beneath them, a gently sloping tunnel carries groundwater by gravity to the surface, where it has irrigated pomegranate and pistachio orchards for an estimated seven centuries. No pumps, no electricity, no fuel.',
        '“My grandfather cleaned this tunnel, and his grandfather before him,” said Hossein Karimi, 58, one of four remaining *muqannis*, the specialist diggers who maintain the channel. “The water does not belong to us. We just keep the road open for it.”',
        '## A system under strain',
        'Qanats depend on the water table staying above the tunnel. Across the region, as deep wells have multiplied, many have run dry. A provincial survey cited by local officials found that fewer than half of the qanats recorded in the district a generation ago still flow all year round.',
        'Sarab-e Nila’s has survived partly because the town agreed in the 1990s to limit new deep wells within a protected zone around it. That agreement has been tested in dry years, and farmers outside the zone say it shifts the burden onto them.',
        'The flow is divided by time shares, recorded in a ledger kept by an elected water master, Parvin Sadeghi. Each family’s share is measured in hours and minutes of flow, passed down and sometimes sold.',
        '> “People think it is an old custom. It is actually a very precise accounting system, and everyone can check it.”',
        '## What it costs to keep',
        'Maintenance is the chief expense: clearing silt, repairing collapsed sections and lining vulnerable stretches. A provincial heritage programme now covers part of the cost, and the town hopes that visitors drawn by the qanat will bring in more.',
        'In the final part of this series, we look at what cities can learn from systems that waste very little.',
      ),
    },

    // ---------------------------------------------------------------- Iran
    {
      slug: 'sarab-e-nila-weavers-return-to-plant-dyes',
      title: 'Weavers in Sarab-e Nila return to plant dyes as buyers ask for provenance',
      dek: 'A cooperative of 140 weavers is growing its own madder for colour, and documenting every rug it sells.',
      excerpt:
        'Madder root for reds, walnut husks for browns, and a card with every rug naming the woman who wove it: a desert cooperative bets on provenance.',
      kind: 'news',
      category: 'iran',
      tags: ['heritage', 'agriculture'],
      authors: ['mina-farahani'],
      hoursAgo: 280,
      body: md(
        'A cooperative of carpet weavers in Sarab-e Nila, a desert town in central Iran, has switched almost entirely to dyes made from local plants, saying that buyers abroad increasingly want to know exactly how and where a rug was made.',
        'The cooperative, which has 140 members, most of them women weaving at home, now grows madder root for reds, uses walnut husks and pomegranate rind for browns and yellows, and buys indigo from a supplier in the south. Two years ago, most of its wool was coloured with synthetic dyes bought from wholesalers.',
        '“Our grandmothers knew all of this,” said Fatemeh Azizi, who chairs the cooperative. “We had to learn it again from them, and from books. The first batches were a disaster.”',
        'Each finished rug now comes with a card listing the weaver, the village, the dyes used and the months it took to complete. The cooperative photographs every piece at several stages of weaving.',
        'The change has been costly. Natural dyeing takes longer, and colour is less predictable from batch to batch. Ms. Azizi said prices for the cooperative’s rugs had risen by about a quarter, which buyers had so far accepted.',
        'Madder is grown on small plots irrigated by the town’s centuries-old qanat. Farmers said the crop needed less water than the vegetables previously grown there, though the roots take up to three years to be ready for harvest.',
        'The cooperative plans to open a small dye garden and workshop for visitors next spring.',
      ),
    },

    // ---------------------------------------------------------------- Markets
    {
      slug: 'qasr-nadira-water-utility-green-bond',
      title: 'Qasr Nadira water utility’s first green bond draws triple demand',
      dek: 'The 300-million-dollar issue will pay for leak reduction and a solar plant at the main pumping station.',
      kind: 'news',
      category: 'markets',
      tags: ['water', 'infrastructure', 'solar'],
      authors: ['daniel-okafor'],
      hoursAgo: 312,
      body: md(
        'The municipal water utility of Qasr Nadira has sold 300 million dollars of seven-year bonds, its first issue in international markets, after investors placed orders worth more than three times the amount on offer.',
        'The bonds, labelled green because the proceeds are earmarked for environmental projects, were priced to yield 5.1 percent, lower than bankers had initially indicated. About 60 percent went to investors in Europe and Asia, with the rest placed with regional banks and pension funds.',
        'The utility says it will spend the money on three projects:',
        [
          '- replacing 120 kilometres of leaking distribution pipes in the older districts;',
          '- installing district meters across the network;',
          '- building a 25-megawatt solar plant to power its main pumping station.',
        ],
        '“Investors liked that the projects are measurable,” said Reem Jaziri, the utility’s chief financial officer. “We have committed to report losses and energy use every year, and if we miss our targets, people will know.”',
        'Credit analysts noted that the utility’s revenues depend on tariffs set by the city, which have not risen in five years. One ratings agency said the bond’s rating reflected the city’s support rather than the utility’s standalone finances.',
        'The issue is the third green bond from a municipal utility in the region this year. Bankers expect more, as cities look beyond government budgets to pay for ageing infrastructure.',
      ),
    },

    // ---------------------------------------------------------------- Series, Part I (Gulf)
    {
      slug: 'water-ledger-a-coast-that-drinks-the-sea',
      title: 'The Water Ledger: A coast that drinks the sea (Part I)',
      dek: 'Desalination supplies nearly all the drinking water in Ras Sawda. We followed it from the intake pipe to the tap.',
      excerpt:
        'Almost every glass of water drunk in Ras Sawda begins two kilometres offshore. The first part of our series follows it through the plant, and asks what the brine costs the sea.',
      kind: 'news',
      category: 'gulf',
      tags: ['water', 'desalination', 'solar'],
      authors: ['layla-haddad', 'mina-farahani'],
      series: { slug: 'the-water-ledger', part: 1 },
      hoursAgo: 340,
      image: {
        file: 'desalination-coast.svg',
        alt: 'A long pier with pipes running out over blue waves towards a white desalination plant on the shore.',
        caption: 'Intake pipes draw seawater from two kilometres offshore.',
        credit: CREDIT,
      },
      body: md(
        'At the end of a concrete pier in Ras Sawda, two kilometres from the shore, a pair of intake pipes draws in seawater at a rate of about 12,000 litres a second. Almost every glass of water drunk in this town of 220,000 people begins here.',
        'This is the first part of *The Water Ledger*, a three-part series on how the region finds, moves and loses its water. We start on the coast, where the sea has become the reservoir.',
        '## From pier to plant',
        'The water first passes through screens that keep out fish and seaweed, then through sand filters, and then into the heart of the plant: rows of pressure vessels containing reverse-osmosis membranes. Roughly 45 percent emerges as fresh water. The rest, now about twice as salty as the sea, is piped back offshore through diffusers designed to mix it quickly.',
        '“People imagine a factory with a lot of steam,” said Salim Khatib, the plant’s shift supervisor, over the hum of the high-pressure pumps. “It is mostly pumps, pipes and very careful monitoring.”',
        'Energy is the biggest operating cost. The plant uses about 3.5 kilowatt-hours of electricity to produce each cubic metre of water. Since last year, a solar farm on reclaimed land beside the plant has supplied about a quarter of that during daylight hours.',
        '## The brine question',
        'Marine scientists have long warned about the effect of concentrated brine on shallow coastal waters, which are already warm and salty. Ras Sawda’s plant monitors salinity at 14 points around the outfall, and the readings are published monthly. Among the findings so far:',
        [
          '- salinity returns to background levels within about 300 metres of the diffusers;',
          '- seagrass beds nearest the outfall show *some* thinning compared with a control site;',
          '- fish counts around the outfall have not changed significantly.',
        ],
        '“It is not nothing, and it is not a catastrophe,” said Aisha Rahimi, a marine ecologist who reviews the data for the municipality. “It is a cost, and it should be counted.”',
        'In Part II, we travel inland to Iran, where water has been moved without pumps for centuries.',
      ),
      comments: [
        {
          name: 'Hamza Q.',
          email: 'hamza.q@example.org',
          body: 'Excellent piece. Publishing the salinity data every month is more than most plants offer.',
          hoursAfter: 2,
          replies: [
            {
              name: 'Laura Mendes',
              email: 'laura.mendes@example.com',
              body: 'Agreed. Does anyone know whether the control site is far enough away to be independent of the outfall?',
              hoursAfter: 5,
              replies: [
                {
                  name: 'Hamza Q.',
                  email: 'hamza.q@example.org',
                  body: 'According to the municipality’s report it is about eight kilometres up the coast, on the other side of the headland.',
                  hoursAfter: 9,
                },
              ],
            },
          ],
        },
        {
          name: 'Ravi Shenoy',
          email: 'ravi.s@example.org',
          url: 'https://ravishenoy.example.org',
          body: '3.5 kWh per cubic metre sounds efficient. Older thermal plants used several times more.',
          hoursAfter: 14,
        },
        {
          name: 'Nour A.',
          email: 'nour.a@example.com',
          body: 'Looking forward to Part II. My family is from a qanat village and I would love to see it covered properly.',
          hoursAfter: 30,
        },
      ],
    },

    // ---------------------------------------------------------------- Opinion (editor’s note)
    {
      slug: 'why-we-are-devoting-a-week-to-water',
      title: 'Why we are devoting a week to water',
      dek: 'An editor’s note on The Water Ledger, our first investigative series.',
      kind: 'opinion',
      category: 'opinion',
      tags: ['water', 'infrastructure'],
      authors: ['daniel-okafor'],
      hoursAgo: 344,
      commentsEnabled: false,
      body: md(
        'Starting this week, The Meridian Ledger will publish *The Water Ledger*, a three-part series on how the region finds, moves and loses its water. It is the largest reporting project this newsroom has undertaken, and readers deserve a word on why we chose it.',
        'Water is the subject that connects almost everything we cover. It shapes energy policy, because desalination consumes so much power. It shapes food prices, because farms compete with cities for the same aquifers. It shapes local politics, as any council election this year has shown. And it is, quite literally, a matter of survival.',
        'Yet water rarely makes headlines until something goes wrong: a burst main, a dry summer, a price rise. Between those moments, decisions are made about pipes, plants and pricing that will shape the region for decades.',
        'Our reporters spent four months on the series, visiting a desalination plant on the Gulf coast, a centuries-old qanat in central Iran and utilities that have sharply reduced the water they lose. They spoke to engineers, farmers, scientists and officials. Where we relied on data, we will publish it.',
        'A few principles guided the work. We have tried to explain before we judge. We have named our sources wherever they agreed to be named, and explained why when they did not. And we have resisted the temptation to tell a story of crisis, because the truth is more interesting: a story of trade-offs, ingenuity and choices that are still open.',
        'We have switched off comments on this note so that discussion can take place under the articles themselves. We hope you will join it.',
      ),
    },

    // ---------------------------------------------------------------- Columns
    {
      slug: 'bread-subsidies-and-the-arithmetic-of-kindness',
      title: 'Bread subsidies and the arithmetic of kindness',
      dek: 'Cutting food subsidies is usually framed as a choice between budgets and the poor. It need not be.',
      excerpt:
        'Build the targeted help before removing the general subsidy, keep a basic loaf for everyone, and publish the numbers: three principles for reforming the price of bread.',
      kind: 'opinion',
      category: 'columns',
      tags: ['food-prices', 'trade'],
      authors: ['samira-khoury'],
      hoursAgo: 346,
      body: md(
        'Few policies are as politically delicate as the price of bread. Across the region, governments have subsidised flour and bread for generations, and attempts to change those arrangements have a long and sometimes painful history.',
        'The economic case against general subsidies is familiar. They are expensive, they benefit the well-off as much as the poor (often more, because wealthier households buy more) and they encourage waste. Bakers in several countries report that subsidised bread is sometimes used as animal feed because it is cheaper than fodder.',
        'The moral case for them is equally familiar, and deserves more respect than economists sometimes give it. A subsidy is visible. Everyone can see the price on the shelf. A targeted cash transfer, however well designed, depends on registration systems, bank accounts and administrative competence that the poorest households cannot always count on.',
        'So what would a better approach look like? I would suggest three principles.',
        '**First, sequence matters.** Build and test the targeted support *before* removing the general subsidy, not after. People should see the new help arrive before they feel the price change.',
        '**Second, keep something universal.** A modest, subsidised basic loaf available to everyone preserves the visible guarantee at a fraction of the cost.',
        '**Third, publish the numbers.** Tell citizens what the subsidy costs, who benefits and where the savings will go. Reform is far easier to accept when it is explained rather than announced.',
        'None of this is new. But the fall in global grain prices this year creates an opening. Reform is less painful when prices are falling than when they are rising, and openings of this kind do not last.',
      ),
    },

    // ---------------------------------------------------------------- Middle East (analysis)
    {
      slug: 'analysis-quiet-race-to-connect-power-grids',
      title: 'Analysis: The quiet race to connect the region’s power grids',
      dek: 'Cross-border power lines promise cheaper, cleaner electricity. Agreeing on the rules may prove harder than building them.',
      kind: 'analysis',
      category: 'middle-east',
      tags: ['infrastructure', 'climate', 'oil-and-gas'],
      authors: ['daniel-okafor', 'mina-farahani'],
      hoursAgo: 382,
      body: md(
        'Power lines rarely make the news. But across the Middle East, a series of cross-border interconnection projects is quietly reshaping how electricity is produced and shared, with implications for fuel use, prices and regional cooperation.',
        'The logic is straightforward. Demand for electricity peaks at different times in different places: earlier in the evening in the east, later in the west, in summer everywhere but to different degrees. Linking grids allows a country with spare capacity to sell it to a neighbour under strain. And as solar power grows, a bigger, connected grid can absorb more of it without wasting output at midday.',
        '## What is being built',
        'Projects at various stages include:',
        [
          '- upgrades to existing links between neighbouring grids, to allow routine trading rather than only emergency support;',
          '- proposed high-voltage lines running north from the Gulf;',
          '- early studies for undersea cables linking grids on opposite shores.',
        ],
        '## The harder part',
        'Engineers say the technical challenges are well understood. The difficulties are institutional. Who sets prices for cross-border trades? Who is responsible when a fault in one country trips a line in another? How are the costs of new lines shared when the benefits fall unevenly?',
        '“Building the wire takes three years,” said Nadim Sayegh, a former grid operator who now advises utilities on market design. “Agreeing the rulebook can take ten.”',
        'There is also a question of fuel. Some governments see interconnection as a way to burn less oil and gas at home, freeing more for export. Others worry about depending on neighbours for something as essential as electricity.',
        'For now, the trend is steady rather than dramatic: more links, more trading, more data shared between control rooms. The region’s grids are slowly becoming a regional grid.',
      ),
    },

    // ---------------------------------------------------------------- Science
    {
      slug: 'tell-amira-roman-cistern-under-school',
      title: 'Archaeologists uncover a Roman-era cistern beneath a school playground',
      dek: 'The vaulted reservoir, found during building works in the hill town of Tell Amira, could have held about 600,000 litres.',
      excerpt:
        'Builders digging foundations for a classroom block found three stone vaults, still plastered, beneath the playground of a hill-town school.',
      kind: 'news',
      category: 'science',
      tags: ['archaeology', 'water', 'heritage'],
      authors: ['jonas-lindqvist'],
      hoursAgo: 420,
      image: {
        file: 'cistern-arches.svg',
        alt: 'Three dark stone arches rising from still green water, with a shaft of light falling through the middle arch.',
        caption: 'The cistern is roofed with three barrel vaults resting on two rows of piers.',
        credit: CREDIT,
      },
      body: md(
        'Builders preparing foundations for a new classroom block in the hill town of Tell Amira have uncovered a large underground cistern that archaeologists believe dates to the Roman period, roughly 1,800 years ago.',
        'The rectangular chamber, about 14 metres long and 8 metres wide, is roofed with three stone barrel vaults supported on two rows of piers. Its walls still carry a thick layer of waterproof plaster, and a channel in one corner appears to have brought rainwater from the slope above.',
        '“It is remarkably complete,” said Rania Khalil, who leads the excavation for the regional antiquities service. “Most cisterns of this size that we know of have collapsed or were quarried for stone. This one was simply forgotten.”',
        'The team estimates that the cistern could have held about 600,000 litres, enough to supply a small settlement through a dry summer. Pottery found in the silt at the bottom suggests it remained in use, perhaps intermittently, for several centuries.',
        'Work on the school has been paused while the chamber is surveyed and recorded. The town council said the classroom block would be redesigned so that it does not rest on the vaults, and that it hoped to make the cistern accessible to pupils and visitors.',
        '“The children have been asking about it every day,” said Samer Nassif, the school’s head teacher. “We could not have asked for a better history lesson.”',
        'The excavation team will publish a preliminary report later this year.',
      ),
      comments: [
        {
          name: 'Georgia Lane',
          email: 'georgia.lane@example.com',
          body: 'Lovely story. Good on the council for redesigning the building rather than filling the chamber in.',
          hoursAfter: 10,
          replies: [
            {
              name: 'Omar K.',
              email: 'omar.k@example.org',
              body: 'Agreed. It would be great to see the preliminary report linked here when it comes out.',
              hoursAfter: 26,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Culture
    {
      slug: 'cinema-firdaus-reopens-after-restoration',
      title: 'Cinema Firdaus reopens after a seven-year restoration',
      dek: 'The 1950s picture house in the old quarter of Qasr Nadira has its painted ceiling back, and a new projection booth.',
      excerpt:
        'Conservators found a ceiling of painted stars hidden behind false panels. Now the old quarter’s picture house is showing films again.',
      kind: 'news',
      category: 'culture',
      tags: ['film', 'heritage'],
      authors: ['layla-haddad'],
      hoursAgo: 460,
      body: md(
        'Cinema Firdaus, a picture house that opened in 1956 in the old quarter of Qasr Nadira, has reopened after a seven-year restoration, with a sold-out screening of a restored print of one of the first films ever shown there.',
        'The building had been closed since the early 2000s and was used for a time as a storage depot. Its painted wooden ceiling, decorated with stars and geometric patterns, was found largely intact beneath later false panels, and has been cleaned and repaired by a team of conservators.',
        '“When we took down the first panel and saw the stars, everyone in the room went quiet,” said Lamia Zaidan, the architect who led the restoration for the municipal heritage office. “We knew then that the project was worth it.”',
        'The auditorium now seats 420, down from about 700 originally, to allow for wider seats and a step-free entrance. A modern digital projector has been installed alongside a restored 35mm projector, which will be used for special screenings.',
        'The restoration cost about 9 million dollars, shared between the municipality, a heritage foundation and private donors, some of whom remember attending the cinema as children.',
        'The programme will combine new releases, regional films and a monthly classics series. Tickets for the first month are being sold at a reduced price, the operator said.',
      ),
    },

    // ---------------------------------------------------------------- Energy
    {
      slug: 'wind-survey-masts-marzan-plateau',
      title: 'Wind survey masts go up on the Marzan plateau',
      kind: 'news',
      category: 'energy',
      tags: ['climate', 'infrastructure'],
      authors: ['daniel-okafor'],
      hoursAgo: 502,
      body: md(
        'Engineers have erected four 120-metre measurement masts on the Marzan plateau, beginning a year-long survey to determine whether the windswept upland could host a commercial wind farm of up to 300 megawatts.',
        'The masts carry instruments at several heights that record wind speed, direction, temperature and turbulence every ten minutes. The data will be combined with readings from a lidar unit, which measures wind using laser pulses, installed at the plateau’s southern edge.',
        'The survey is being run by the state energy company together with the Institute for Arid Lands Research in nearby Wadi Marzan. Earlier, shorter measurements suggested average wind speeds above 7 metres a second at turbine height, which would be competitive with many established wind sites.',
        '“Solar has the daytime covered,” said Khalid Hamdi, the project’s development manager. “What we need now are sources that keep producing into the evening. The wind on this plateau tends to pick up just as the sun goes down, and that is precisely what we want to confirm.”',
        'Herders who graze goats and camels on the plateau in winter have been consulted about access routes, and the company says any wind farm would be designed to keep traditional grazing tracks open.',
        'Ornithologists from the institute will also monitor bird migration across the plateau during the survey year, since the area lies on a route used by birds of prey in spring and autumn. Results from both studies will be published before any decision to build.',
      ),
    },

    // ---------------------------------------------------------------- World
    {
      slug: 'aldren-canal-reopens-to-barges',
      title: 'Aldren Canal reopens to barge traffic after two years of dredging',
      dek: 'The 60-kilometre waterway can again carry fully loaded barges, taking an estimated 9,000 truck journeys a year off local roads.',
      kind: 'news',
      category: 'world',
      tags: ['shipping', 'infrastructure', 'trade'],
      authors: ['jonas-lindqvist'],
      hoursAgo: 546,
      body: md(
        'The Aldren Canal, a 60-kilometre inland waterway linking a cluster of river ports with the coast in northern Europe, has reopened to fully loaded barges after two years of dredging and bank repairs.',
        'Silt had reduced the canal’s usable depth to about 2.1 metres, forcing barge operators to carry partial loads or switch cargo to road. The works restored a depth of 3.5 metres along the full length and replaced about 11 kilometres of failing bank protection.',
        'The canal authority estimates that the restored route will take around 9,000 truck journeys a year off regional roads, mostly carrying grain, building materials and containers.',
        '“For two years we were sailing half-empty and paying full price for fuel and crew,” said Henk Vermeulen, who runs a family barge company with three vessels. “Now we can fill the holds again.”',
        'Environmental groups broadly welcomed the project but raised concerns about the disposal of the dredged silt, some of which contained traces of old industrial pollution. The authority said contaminated material had been sent to licensed treatment facilities, and that clean silt was being used to restore reed beds along two stretches of the bank.',
        'The works cost 84 million euros, funded jointly by national and regional governments. An online booking system for the canal’s seven locks will be introduced next year, allowing operators to reserve passage times in advance.',
      ),
    },

    // ---------------------------------------------------------------- Columns
    {
      slug: 'five-books-for-a-summer-of-thinking-about-water',
      title: 'Five books for a long, hot summer of thinking about water',
      kind: 'opinion',
      category: 'columns',
      tags: ['books', 'water'],
      authors: ['samira-khoury'],
      hoursAgo: 592,
      body: md(
        'Readers of this column sometimes ask where to start if they want to understand water without a degree in engineering. Here, for the start of summer, is a short and entirely personal reading list. None of these books is new; all of them have stayed with me.',
        [
          '1. ***The Thirsty Century***, by Aurelio Marchetti. A history of twentieth-century dam building that is neither nostalgic nor dismissive. The chapters on resettlement are hard reading, and essential.',
          '2. ***Counting Drops***, by Ruth Adebayo. A practical, lively account of how utilities measure, and mismeasure, what they deliver. The best explanation of non-revenue water I know.',
          '3. ***Under the Orchard***, by Golnar Tavassoli. A novel set in a village whose underground channel is slowly drying. Quiet, precise and devastating.',
          '4. ***Salt and Current***, by Idris Mahfouz. An oceanographer’s introduction to the waters of the Gulf, written for curious non-specialists.',
          '5. ***The Price of Rain***, by Clara Whitcombe. An economist’s argument about tariffs and fairness. I disagree with about a third of it, which is exactly why it is on this list.',
        ],
        'A word of caution: good writing about water tends to make one either very anxious or very hopeful. The truth, as usual, lies in the detail. Read the footnotes.',
        'I would be glad to hear readers’ own suggestions. The best will appear in a future column.',
      ),
    },

    // ---------------------------------------------------------------- Economy
    {
      slug: 'small-business-lending-picks-up',
      title: 'Small-business lending picks up as banks compete for customers',
      kind: 'news',
      category: 'economy',
      tags: ['trade', 'food-prices'],
      authors: ['daniel-okafor'],
      hoursAgo: 640,
      body: md(
        'Lending to small and medium-sized businesses grew 9 percent over the past year, the fastest pace in five years, according to figures compiled by a regional bankers’ association, as lenders competed for customers and simplified their application processes.',
        'Retailers, repair workshops and food businesses accounted for most of the growth. The average loan was modest, at about 85,000 dollars, and most were for equipment or working capital rather than expansion.',
        '“Two years ago I was told my bakery was too small to bother with,” said Hiba Yassin, who employs nine people at her bakery in Qasr Nadira. “This year three banks called me.” She used her loan to replace an oven, which she said had cut her gas bill and let her keep bread prices unchanged.',
        'Bankers attributed the change partly to new rules allowing lenders to use digital payment records in place of audited accounts, which many small firms do not have. Loan decisions that once took six weeks can now take a few days.',
        'Not all the news was positive. The share of loans more than 90 days overdue rose slightly, to 4.8 percent, and the association warned its members against relaxing standards too far. Small businesses also continue to report that collateral requirements are a barrier, particularly for firms led by women and young entrepreneurs.',
        'The association plans to publish a more detailed breakdown by sector and region later this quarter.',
      ),
    },

    // ---------------------------------------------------------------- Pages
    {
      slug: 'about',
      title: 'About The Meridian Ledger',
      kind: 'news',
      type: 'page',
      authors: ['daniel-okafor'],
      hoursAgo: 720,
      commentsEnabled: false,
      body: md(
        'The Meridian Ledger is an independent online magazine covering the Middle East and the wider world, with a particular interest in the systems that shape daily life: water, energy, trade, science and culture.',
        'We were founded on a simple belief: that careful, well-sourced reporting on infrastructure and institutions matters as much as coverage of politics, and that it can be just as engaging.',
        '## What we publish',
        [
          '- **News** from our correspondents across the region, and selected stories from partner wire services, always labelled with their source;',
          '- **Analysis** that explains the context behind the headlines;',
          '- **Opinion**, clearly marked, including the fortnightly column *Running Costs*;',
          '- **Reviews** of books, films and exhibitions.',
        ],
        '## How we work',
        'Our reporters identify themselves as journalists, name their sources wherever possible and correct their mistakes openly. We do not accept payment for coverage, and advertisers have no say in what we publish. Our corrections policy explains how we handle errors.',
        'We welcome tips, corrections and letters. You can reach the newsroom at newsroom@example.org.',
        '*The Meridian Ledger is a fictional publication created to demonstrate the Masthead publishing platform. Its staff, places, organisations and events are invented, and any resemblance to real people is coincidental.*',
      ),
    },
    {
      slug: 'corrections',
      title: 'Corrections policy',
      kind: 'news',
      type: 'page',
      authors: ['daniel-okafor'],
      hoursAgo: 718,
      commentsEnabled: false,
      body: md(
        'We try to get things right the first time. When we do not, we say so.',
        '## How we correct',
        'When a published article contains a factual error, we correct it as soon as we have verified the mistake, and we add a note at the end of the article explaining what was changed. We do not silently alter facts. Minor changes that do not affect meaning, such as spelling or formatting, are made without a note.',
        '## Updates',
        'When a developing story changes because new information has become available, we update it and mark it as updated. An update is not a correction, and we do not label it as one.',
        '## Republished stories',
        'Some stories come from partner wire services and carry a source line. If an error originates in a partner’s story, we correct our copy and inform the partner.',
        '## How to report an error',
        'Write to corrections@example.org with the article’s headline and what you believe is wrong. An editor will reply, usually within two working days, whether or not a correction is made.',
        '> Accuracy is a habit, not a department.',
      ),
    },
  ],
};
