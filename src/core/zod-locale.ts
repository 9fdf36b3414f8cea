/** Zod speaks Vietnamese everywhere it validates (CLI, server, web). Import once at each entry point. */
import { z } from 'zod';

z.config(z.locales.vi());
