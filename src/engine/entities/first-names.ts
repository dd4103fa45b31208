// More first names, for news beyond US politics (sport, music, film, business across Europe):
// a known first name is the strongest cue that a run of capitalised words is a person and not a
// product, show or firm. Names that are as often towns or words in the news (Austin, Florence,
// Lincoln, Sydney, Charlotte, Chelsea, Milan, Rio, Grace, Joy, Miles, Grant, Roman, Dean) are left out
// on purpose.

export const MORE_MALE_NAMES: string[] = (
  'Adrian|Ahmad|Alain|Alastair|Alberto|Aldo|Alec|Alessandro|Alfred|Alfredo|Alistair|Allan|Allen|Alvaro|Amir|Anders|' +
  'Andre|Andrea|Andreas|Andrei|Andres|Andrzej|Angelo|Antoine|Anton|Antonin|Arjen|Arnold|Arsene|Ashley|Axel|Barry|Bernard|' +
  'Benny|Bernd|Bert|Billy|Bjorn|Bobby|Bradley|Brendan|Bret|Brett|Bruno|Bryan|Calvin|Cameron|Carlo|Cesar|Christian|Christophe|' +
  'Christos|Claude|Claudio|Clint|Clive|Conor|Cristiano|Cyril|Damian|Damien|Damon|Danny|Darren|Declan|Denis|Derek|' +
  'Didier|Diego|Dieter|Dimitri|Dimitris|Dirk|Dmitri|Domenico|Dominic|Dominique|Duncan|Dustin|Dwight|Eddie|Edgar|Eduard|' +
  'Eduardo|Elton|Emile|Emilio|Enzo|Erik|Ernst|Ethan|Eugene|Fabio|Felipe|Felix|Fernando|Filippo|Francesco|Francis|' +
  'Franco|Frankie|Franz|Friedrich|Gareth|Gavin|Geoff|Geoffrey|Geraint|Gerard|Gerhard|Gianluca|Gilbert|Giorgio|Giovanni|' +
  'Giuseppe|Glen|Glenn|Gordon|Graeme|Graham|Guido|Guillaume|Gustavo|Hamid|Hank|Harvey|Hector|Heinz|Helmut|' +
  'Herbert|Howard|Hugo|Igor|Ivo|Jacques|Jaime|Jamal|Jamie|Jan|Janusz|Jared|Javier|Jens|Jesse|Jesus|Joachim|Joao|Joel|' +
  'Johan|Johannes|Jorge|Jorg|Juergen|Julian|Julio|Jurgen|Kai|Karl|Karim|Kieran|Kieron|Klaus|Kofi|Kostas|Kyle|Lance|Lars|' +
  'Laurent|Leonard|Leonardo|Leroy|Lewis|Lionel|Lleyton|Lorenzo|Louis|Luc|Luca|Lucas|Ludovic|Luigi|Lukas|Malcolm|Manuel|' +
  'Marat|Marc|Marcel|Marcello|Marcelo|Marcus|Mario|Marius|Markus|Marko|Marvin|Massimo|Mathieu|Matthias|Maurice|Mauricio|' +
  'Mauro|Maxim|Michel|Miguel|Mika|Mikael|Mikel|Mirko|Mohamed|Morten|Nathan|Nelson|Niall|Nico|Nikolaus|' +
  'Nils|Noel|Norbert|Norman|Olaf|Oleg|Olivier|Oscar|Owen|Pablo|Paolo|Pascal|Patrice|Patrik|Pavel|Pedro|Petr|' +
  'Philippe|Pieter|Piotr|Rafael|Raul|Raymond|Reggie|Reinhard|Rene|Ricardo|Riccardo|Ricky|Robbie|Roberto|Robin|' +
  'Rod|Rodney|Rodrigo|Roland|Rolf|Ronaldo|Rory|Ross|Roy|Ruben|Rupert|Ruud|Salvatore|Sami|Sandro|Sebastian|' +
  'Sebastien|Sergio|Seth|Shane|Shaun|Silvio|Simon|Stan|Stanley|Stefan|Stefano|Steffen|Stelios|Stuart|Sven|Sylvain|' +
  'Thierry|Thorsten|Tobias|Tomas|Tommy|Trevor|Troy|Ulrich|Uwe|Valentin|Vicente|Vijay|Vincent|Vincenzo|' +
  'Vitaly|Vittorio|Wallace|Warren|Werner|Wesley|Wilfried|Wim|Wolfgang|Xavier|Yannick|Yasser|Yves|Zach|Zoltan|Zinedine'
).split('|');

export const MORE_FEMALE_NAMES: string[] = (
  'Agnes|Aileen|Alexandra|Alexis|Alison|Allison|Alyssa|Amelie|Anastasia|Andrea|Angelina|Anita|Annette|Antonia|Arantxa|' +
  'Audrey|Beatrice|Belinda|Bernadette|Beverley|Bianca|Brigitte|Britney|Bridget|Camilla|Carla|Carmen|Carolyn|Cate|' +
  'Cecilia|Celine|Charlene|Cheryl|Christa|Cindy|Clara|Colleen|Connie|Courtney|Daniela|Danielle|Daphne|Dawn|Delia|Denise|' +
  'Dolly|Dominika|Doris|Edith|Elena|Eleanor|Elisa|Elisabeth|Eliza|Ella|Elsa|Elena|Emilia|Erica|Erika|Esther|Eve|Evelyn|' +
  'Fiona|Francesca|Gabriela|Gabrielle|Gemma|Georgina|Geraldine|Gillian|Gloria|Gwyneth|Halle|Harriet|Heidi|Hilary|Holly|' +
  'Imelda|Ines|Ingrid|Irene|Irina|Isabel|Isabella|Isabelle|Jacqueline|Jana|Janice|Jeanne|Jelena|Jenny|Joanna|Joanne|' +
  'Jodie|Josephine|Judith|Judy|Juliette|Justine|Karin|Kate|Katerina|Kathryn|Katie|Katrina|Keira|Kerry|Kirsty|' +
  'Kristin|Kylie|Leah|Leila|Lena|Leona|Lesley|Lindsay|Lindsey|Liv|Lorraine|Louise|Lucia|Lucy|Lydia|Lynn|Madonna|Magdalena|' +
  'Marcela|Margarita|Marianne|Marina|Marion|Marta|Martina|Maureen|Maxine|Meryl|Mia|Miriam|Monica|Monika|Nadia|Naomi|' +
  'Natalia|Natasha|Nathalie|Nina|Nora|Norah|Paula|Pauline|Penelope|Petra|Polly|Priscilla|Rachael|Renee|Rita|Roberta|' +
  'Rosemary|Rosie|Sabine|Sally|Samantha|Scarlett|Serena|Shania|Sheryl|Silvia|Simone|Sinead|Sofia|Sonia|Stella|Svetlana|' +
  'Sylvia|Tamara|Tanya|Tara|Tatiana|Teresa|Tessa|Tracy|Uma|Vanessa|Venus|Vera|Veronica|Vivienne|Whitney|Yvonne'
).split('|');
