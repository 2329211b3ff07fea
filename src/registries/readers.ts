import type { RegistrySiteId } from '../feed/registry-answer';
import type { RegistryReader } from './reader';
import { creditchina } from './sites/creditchina';
import { gsxt } from './sites/gsxt';
import { miit } from './sites/miit';
import { mps } from './sites/mps';

/** Every registry reader, one per site (a test fails when a file in sites/ is not here). */
export const READERS: Readonly<Record<RegistrySiteId, RegistryReader>> = { gsxt, creditchina, miit, mps };
