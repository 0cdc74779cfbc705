/**
 * What the display says when a number is called, in Indonesian, for the browser's speech
 * synthesis: "Nomor antrean K nol nol tujuh, silakan ke meja satu". Digits of the ticket are
 * read one by one (as people read a ticket); numbers in the desk's name are read as numbers.
 */
const DIGITS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
];

/** 0–999 in Indonesian words ("sebelas", "dua puluh satu", "seratus"). */
export function numberWords(value: number): string {
  if (value < 10) return DIGITS[value];
  if (value === 10) return 'sepuluh';
  if (value === 11) return 'sebelas';
  if (value < 20) return `${DIGITS[value - 10]} belas`;
  if (value < 100) {
    const rest = value % 10;
    return `${DIGITS[Math.floor(value / 10)]} puluh${rest ? ` ${DIGITS[rest]}` : ''}`;
  }
  if (value < 1000) {
    const hundreds = Math.floor(value / 100);
    const rest = value % 100;
    return `${hundreds === 1 ? 'seratus' : `${DIGITS[hundreds]} ratus`}${rest ? ` ${numberWords(rest)}` : ''}`;
  }
  return String(value);
}

/** "K-007" → "K nol nol tujuh". */
export function spokenTicket(number: string): string {
  return number
    .replace('-', ' ')
    .replace(/\d/g, (digit) => ` ${DIGITS[Number(digit)]}`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Meja 1" → "meja satu". */
export function spokenDesk(name: string): string {
  return name.toLowerCase().replace(/\d+/g, (digits) => numberWords(Number(digits)));
}

export function spokenCall(number: string, deskName: string): string {
  return `Nomor antrean ${spokenTicket(number)}, silakan ke ${spokenDesk(deskName)}`;
}
