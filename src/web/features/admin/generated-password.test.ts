import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../../schemas/users';
import { generatePassword } from './generated-password';

describe('generatePassword', () => {
  it('makes a long password of unambiguous characters, different each time', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    for (const password of passwords) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
    }
    expect(new Set(passwords).size).toBe(50);
  });

  it('skips the bytes that would favour the first characters', () => {
    // 250 is above the largest multiple of 56 below 256 (224): it must be skipped.
    const bytes = [250, 0, 250, 1];
    const random = (array: Uint8Array) => {
      array.set(
        bytes.splice(0, array.length).concat(Array(array.length).fill(2)).slice(0, array.length),
      );
      return array;
    };
    expect(generatePassword(3, random)).toBe('abc');
  });
});
